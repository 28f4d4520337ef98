using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NovaImage;

/// <summary>
/// Signing certificates from a local directory, for hosts that cannot reach a key manager: the certificate with id
/// <c>ID</c> is the file <c>ID.pem</c>, <c>ID.crt</c> or <c>ID.der</c> (PEM or DER, whatever the extension). Ids
/// come from image properties, so an id that is not a plain file name (a path separator, a leading dot, a control
/// character) is refused before any file is touched.
/// </summary>
public sealed class DirectoryCertificateSource : ICertificateSource
{
    private static readonly string[] Extensions = [".pem", ".crt", ".der"];
    private const long MaxCertificateSize = 64 * 1024;
    private readonly string _directory;

    /// <summary>Reads certificates from <paramref name="directory"/>.</summary>
    public DirectoryCertificateSource(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
    }

    /// <inheritdoc />
    public async ValueTask<X509Certificate2> GetCertificateAsync(string certificateId, CancellationToken cancellationToken)
    {
        if (!IsPlainName(certificateId))
            throw new CertificateNotFoundException(certificateId, $"The certificate id '{Signatures.CertificateIds.Printable(certificateId)}' is not a plain file name, so it cannot name a certificate in {_directory}");

        foreach (var extension in Extensions)
        {
            var path = Path.Combine(_directory, certificateId + extension);
            byte[] data;
            try
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
                if (file.Length > MaxCertificateSize)
                    throw new CertificateNotFoundException(certificateId, $"{path} is larger than a certificate can be ({MaxCertificateSize} bytes)");
                data = new byte[file.Length];
                await file.ReadExactlyAsync(data, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                continue;
            }

            try
            {
                return Signatures.CertificateData.Load(data);
            }
            catch (CryptographicException ex)
            {
                throw new CertificateNotFoundException(certificateId, $"{path} is not a PEM or DER X.509 certificate", ex);
            }
        }

        throw new CertificateNotFoundException(certificateId,
            $"Certificate not found with ID: {certificateId} (no {string.Join(", ", Extensions.Select(e => certificateId + e))} in {_directory})");
    }

    private static bool IsPlainName(string id) => Signatures.CertificateIds.IsPlain(id) && id[0] != '.';
}
