using Org.BouncyCastle.Crypto;
using NovaImage.Transfers;

namespace NovaImage.Signatures;

/// <summary>
/// One image's signature, ready to check: the certificate's key (already fetched and checked), the decoded signature,
/// the hash method and the key type. The data is hashed in the download's own pass, by a data check of the
/// <see cref="IntegrityVerifier"/> (<see cref="CreateDataCheck"/>; a restart from byte 0 takes a fresh one).
/// </summary>
internal sealed class ImageSignatureCheck(
    string imageId, string certificateId, SignatureHashMethod hashMethod, SignatureKeyType keyType, AsymmetricKeyParameter publicKey, byte[] signature)
{
    /// <summary>The certificate id the image names.</summary>
    public string CertificateId => certificateId;

    /// <summary>What is checked, e.g. "RSA-PSS signature over SHA-256 (certificate 1234...)".</summary>
    public string Description => $"{keyType.Name} signature over {hashMethod.Name} (certificate {CertificateIds.Printable(certificateId)})";

    /// <summary>A check of one pass over the image data, from its first byte.</summary>
    public IImageDataCheck CreateDataCheck() => new DataCheck(this, hashMethod.CreateDigest());

    /// <summary>Checks the signature against the hash of the whole image data.</summary>
    /// <exception cref="ImageSignatureException">The data does not match the signature.</exception>
    private void Verify(SignatureDigest digest, Uri? server)
    {
        if (!keyType.Verify(publicKey, hashMethod, digest.Current(), signature))
        {
            throw new ImageSignatureException(
                $"Signature verification failed: the image data does not match its {Description}",
                new GlanceErrorContext(ImageId: imageId, Server: server), certificateId);
        }
    }

    private sealed class DataCheck(ImageSignatureCheck check, SignatureDigest digest) : IImageDataCheck
    {
        public void Append(ReadOnlySpan<byte> data) => digest.Append(data);

        public void Complete(string source, GlanceErrorContext context) => check.Verify(digest, context.Server);

        public void Dispose() => digest.Dispose();
    }
}
