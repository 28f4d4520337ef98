using System.Security.Cryptography.X509Certificates;

namespace NovaImage;

/// <summary>
/// Where signing certificates come from, by the id an image names in <c>img_signature_certificate_uuid</c> (and the
/// ids of trusted certificates). Barbican, the key manager (used when the client authenticates with Keystone), serves them, as Nova and
/// Glance do through castellan; <see cref="DirectoryCertificateSource"/> from a local directory, for air-gapped hosts.
/// </summary>
public interface ICertificateSource
{
    /// <summary>The certificate stored under <paramref name="certificateId"/>.</summary>
    /// <exception cref="CertificateNotFoundException">No certificate has that id, or it cannot be read by this caller.</exception>
    ValueTask<X509Certificate2> GetCertificateAsync(string certificateId, CancellationToken cancellationToken);
}
