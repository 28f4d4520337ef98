using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NovaImage.Core;

/// <summary>
/// The primary handler: TLS verification as configured (<c>insecure</c>, <c>cafile</c>), the client certificate
/// for mutual TLS (<c>certfile</c>, <c>keyfile</c>), and no automatic redirects: a redirect would carry
/// <c>X-Auth-Token</c> to whatever origin it names, so <see cref="AuthTokenHandler"/> turns it into an error instead.
/// </summary>
internal static class TlsHandlerFactory
{
    public static HttpMessageHandler Create(GlanceOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        if (options.CertFile is { Length: > 0 } certFile)
        {
            handler.SslOptions.ClientCertificates = [LoadClientCertificate(certFile, options.KeyFile is { Length: > 0 } keyFile ? keyFile : null)];
        }
        if (options.Insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (options.CaFile is { Length: > 0 } caFile)
        {
            var trusted = new X509Certificate2Collection();
            trusted.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (errors == SslPolicyErrors.None) return true;
                if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }
        return handler;
    }

    /// <summary>
    /// The client certificate with its private key, from PEM files as nova.conf names them; without
    /// <paramref name="keyFile"/>, the key is read from <paramref name="certFile"/>.
    /// </summary>
    public static X509Certificate2 LoadClientCertificate(string certFile, string? keyFile)
    {
        var certificate = X509Certificate2.CreateFromPemFile(certFile, keyFile);
        if (!OperatingSystem.IsWindows()) return certificate;
        // Windows' TLS stack (SChannel) cannot use the ephemeral key a PEM import gives; a PKCS#12 round trip persists it.
        using (certificate)
        {
#if NET9_0_OR_GREATER
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
#else
            return new X509Certificate2(certificate.Export(X509ContentType.Pkcs12));
#endif
        }
    }
}
