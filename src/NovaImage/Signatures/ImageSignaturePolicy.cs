using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace NovaImage.Signatures;

/// <summary>
/// Decides, as Nova does, whether a download's signature is verified and with which trusted certificates, and prepares
/// the check before the first byte is fetched (so a missing property, an unknown certificate or an untrusted one fails
/// before anything is written):
/// <list type="bullet">
/// <item>trusted certificates are the download's own (<see cref="DownloadOptions.TrustedCertificateIds"/>), else,
/// when <c>enable_certificate_validation</c> is on, <c>default_trusted_certificate_ids</c>;</item>
/// <item>the signature is verified when there are trusted certificates or when verification is asked
/// (<see cref="DownloadOptions.VerifySignature"/>, else <c>verify_glance_signatures</c>);</item>
/// <item>the certificate must be within its dates; with trusted certificates it must chain to them; with
/// <c>enable_certificate_validation</c> on and none given, the download fails (Nova's
/// CertificateValidationFailed).</item>
/// </list>
/// </summary>
internal sealed class ImageSignaturePolicy(GlanceOptions options, Func<ICertificateSource?> certificateSource, TimeProvider time)
{
    // Built on first use: most clients never verify a signature, and Barbican is reached through the Keystone session.
    private readonly Lazy<ICertificateSource?> _certificates = new(certificateSource);

    public const string SignatureProperty = "img_signature";
    public const string HashMethodProperty = "img_signature_hash_method";
    public const string KeyTypeProperty = "img_signature_key_type";
    public const string CertificateProperty = "img_signature_certificate_uuid";

    private readonly IReadOnlyList<string> _defaultTrusted = options.DefaultTrustedCertificateIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToArray();

    /// <summary>The check for <paramref name="image"/>'s download, or null when its signature is not to be verified.</summary>
    /// <exception cref="ImageSignatureException">The signature cannot be verified (see the message for why).</exception>
    public async Task<ImageSignatureCheck?> PrepareAsync(Image image, DownloadOptions download, Uri? server, CancellationToken cancellationToken)
    {
        var trusted = download.TrustedCertificateIds is { Count: > 0 } own ? own
            : options.EnableCertificateValidation ? _defaultTrusted : [];
        if (trusted.Count == 0 && !(download.VerifySignature ?? options.VerifyGlanceSignatures)) return null;

        var context = new GlanceErrorContext(ImageId: image.Id, Server: server);
        string? Property(string name) => image.Properties.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        var certificateId = Property(CertificateProperty);
        var missing = new[] { SignatureProperty, HashMethodProperty, KeyTypeProperty, CertificateProperty }.Where(p => Property(p) is null).ToArray();
        if (missing.Length > 0)
        {
            throw new ImageSignatureException(
                $"Signature verification is required but the image lacks the signature properties {string.Join(", ", missing)}", context, certificateId);
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(Property(SignatureProperty)!);
        }
        catch (FormatException)
        {
            throw new ImageSignatureException($"The image's {SignatureProperty} is not valid base64", context, certificateId);
        }

        var hashMethod = SignatureHashMethod.Find(Property(HashMethodProperty))
            ?? throw new ImageSignatureException(
                $"Invalid signature hash method '{Uri.EscapeDataString(Property(HashMethodProperty)!)}' (supported: {string.Join(", ", SignatureHashMethod.Names)})", context, certificateId);
        var keyType = SignatureKeyType.Find(Property(KeyTypeProperty))
            ?? throw new ImageSignatureException(
                $"Invalid signature key type '{Uri.EscapeDataString(Property(KeyTypeProperty)!)}' (supported: {string.Join(", ", SignatureKeyType.Names)})", context, certificateId);

        var certificate = await FetchAsync(certificateId!, "signing certificate", context, certificateId, cancellationToken).ConfigureAwait(false);
        var publicKey = certificate.GetPublicKey();
        if (!keyType.Accepts(publicKey))
            throw new ImageSignatureException($"Invalid public key type for signature key type {keyType.Name}", context, certificateId);

        var now = time.GetUtcNow().UtcDateTime;
        if (CertificateTrust.DateProblem(certificate, now) is { } dates)
            throw new ImageSignatureException($"The signing certificate cannot be used: {dates}", context, certificateId);

        if (trusted.Count > 0)
        {
            var trustedCertificates = new List<(string, X509Certificate)>(trusted.Count);
            foreach (var id in trusted)
            {
                // As in cursive, a trusted certificate that cannot be fetched is skipped; the chain then fails if it was needed.
                try
                {
                    trustedCertificates.Add((id, await FetchAsync(id, "trusted certificate", context, certificateId, cancellationToken).ConfigureAwait(false)));
                }
                catch (ImageSignatureException)
                {
                }
            }

            if (CertificateTrust.ChainProblem(certificate, trustedCertificates, now) is { } chain)
                throw new ImageSignatureException($"The signing certificate is not trusted: {chain} (trusted: {string.Join(", ", trusted.Select(CertificateIds.Printable))})", context, certificateId);
        }
        else if (options.EnableCertificateValidation)
        {
            throw new ImageSignatureException(
                "Certificate validation is enabled (enable_certificate_validation), but no trusted certificate ids were given (DownloadOptions.TrustedCertificateIds or default_trusted_certificate_ids)",
                context, certificateId);
        }

        return new ImageSignatureCheck(image.Id, certificateId!, hashMethod, keyType, publicKey, signature);
    }

    private async Task<X509Certificate> FetchAsync(string id, string role, GlanceErrorContext context, string? certificateId, CancellationToken cancellationToken)
    {
        if (_certificates.Value is not { } certificates)
        {
            throw new ImageSignatureException(
                $"Cannot fetch the {role} {CertificateIds.Printable(id)}: no certificate source is configured (Keystone auth for Barbican, signing_certificate_dir, or an ICertificateSource)",
                context, certificateId);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = await certificates.GetCertificateAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (CertificateNotFoundException ex)
        {
            throw new ImageSignatureException($"Unable to retrieve the {role} {CertificateIds.Printable(id)}: {ex.Message}", context, certificateId, ex);
        }

        using (certificate)
            return new X509CertificateParser().ReadCertificate(certificate.RawData);
    }
}
