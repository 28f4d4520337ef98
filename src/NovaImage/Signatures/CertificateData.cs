using System.Security.Cryptography.X509Certificates;

namespace NovaImage.Signatures;

/// <summary>Reads an X.509 certificate from PEM or DER bytes.</summary>
internal static class CertificateData
{
    /// <exception cref="System.Security.Cryptography.CryptographicException">The bytes are not a certificate.</exception>
    public static X509Certificate2 Load(byte[] data)
    {
#if NET9_0_OR_GREATER
        return X509CertificateLoader.LoadCertificate(data);
#else
        return new X509Certificate2(data);
#endif
    }
}
