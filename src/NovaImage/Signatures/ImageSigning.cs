using NovaImage.Signatures;

namespace NovaImage;

/// <summary>
/// How to sign an image's data (<see cref="UploadOptions.Signing"/>, or <see cref="SignAsync"/> for data already at
/// hand): the key, the id under which its certificate is stored in the key manager
/// (<c>img_signature_certificate_uuid</c>), and the hash method.
/// </summary>
/// <param name="Key">The private key.</param>
/// <param name="CertificateId">The certificate's id in the key manager (Barbican secret uuid).</param>
public sealed record ImageSigning(ImageSigningKey Key, string CertificateId)
{
    /// <summary>The hash method (<c>img_signature_hash_method</c>): SHA-224, SHA-256 (default), SHA-384 or SHA-512.</summary>
    public string HashMethod { get; init; } = "SHA-256";

    /// <summary>Signs <paramref name="data"/> from its current position to its end.</summary>
    /// <exception cref="ArgumentException">The hash method or the certificate id is not one images can be signed with.</exception>
    public async Task<ImageSignatureProperties> SignAsync(Stream data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var digest = CreateDigest();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            int read;
            while ((read = await data.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                digest.Append(buffer.AsSpan(0, read));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return Sign(digest);
    }

    internal SignatureDigest CreateDigest()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(CertificateId);
        return Method.CreateDigest();
    }

    internal ImageSignatureProperties Sign(SignatureDigest digest) => new(
        Convert.ToBase64String(Key.Type.Sign(Key.PrivateKey, Method, digest.Current())), Method.Name, Key.KeyType, CertificateId);

    private SignatureHashMethod Method => SignatureHashMethod.Find(HashMethod)
        ?? throw new ArgumentException($"'{HashMethod}' is not an image signature hash method (use {string.Join(", ", SignatureHashMethod.Names)})");
}
