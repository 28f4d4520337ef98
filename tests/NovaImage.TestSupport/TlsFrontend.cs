using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NovaImage.TestSupport;

/// <summary>
/// A TLS-terminating proxy (stunnel, installed by scripts/glance-dev.sh install) on a free loopback port in front of
/// a plain-HTTP backend such as the real Glance, with a certificate for 127.0.0.1 and localhost signed by a CA made
/// for this frontend alone (so no machine trusts it). Tests fail, never skip, when stunnel is missing.
/// </summary>
public sealed class TlsFrontend : IAsyncDisposable
{
    private readonly Process _stunnel;
    private readonly string _dir;

    private TlsFrontend(Process stunnel, string dir, Uri endpoint)
    {
        _stunnel = stunnel;
        _dir = dir;
        Endpoint = endpoint;
    }

    /// <summary>The https endpoint, e.g. https://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; }

    /// <summary>The PEM file of the CA that signed the frontend's certificate (what <c>cafile</c> names).</summary>
    public string CaFile => Path.Combine(_dir, "ca.pem");

    /// <summary>Starts stunnel in front of <paramref name="backend"/> and returns once it accepts connections.</summary>
    public static async Task<TlsFrontend> StartAsync(Uri backend)
    {
        var stunnel = FindStunnel() ?? throw new InvalidOperationException(
            "stunnel is not installed: run scripts/glance-dev.sh install (it installs stunnel4 with the real Glance).");
        var dir = Directory.CreateTempSubdirectory("novaimage-tls-").FullName;
        WriteCertificates(dir);
        var port = FreePort();
        var config = Path.Combine(dir, "stunnel.conf");
        await File.WriteAllTextAsync(config, $"""
            foreground = yes
            pid =
            debug = 4
            [glance]
            accept = 127.0.0.1:{port}
            connect = {backend.Host}:{backend.Port}
            cert = {Path.Combine(dir, "server.pem")}
            key = {Path.Combine(dir, "server.key")}
            """);
        var process = Process.Start(new ProcessStartInfo(stunnel, [config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var frontend = new TlsFrontend(process, dir, new Uri($"https://127.0.0.1:{port}/"));
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        try
        {
            await WaitUntilListeningAsync(process, port, errors);
        }
        catch
        {
            await frontend.DisposeAsync();
            throw;
        }
        return frontend;
    }

    /// <summary>Stops stunnel and deletes the certificates.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stunnel.HasExited) _stunnel.Kill();
        await _stunnel.WaitForExitAsync();
        _stunnel.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static string? FindStunnel() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(d => new[] { Path.Combine(d, "stunnel4"), Path.Combine(d, "stunnel") })
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // stunnel reports no readiness; its port accepting a connection is the event. The bound is a failure, not a pause.
    private static async Task WaitUntilListeningAsync(Process process, int port, Task<string> errors)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"stunnel exited with {process.ExitCode}: {await errors}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, limit.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, limit.Token);
            }
        }
    }

    private static void WriteCertificates(string dir)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=NovaImage test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = request.Create(ca, now.AddDays(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));

        File.WriteAllText(Path.Combine(dir, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(dir, "server.pem"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(dir, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
    }
}
