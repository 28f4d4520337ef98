using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;
using NovaImage.Tests.Download;
using NovaImage.Tests.ImageApi;

namespace NovaImage.Tests.Signatures;

/// <summary>
/// Signature verification in the download pipeline against the real Glance: every path (HTTP, resumed HTTP, direct
/// store), a signature that does not match, an image that is not signed, and certificate validation against trusted
/// certificates. Certificates come from a local directory (<see cref="GlanceOptions.SigningCertificateDirectory"/>);
/// the images are uploaded, then signed by setting the four properties (the local Glance has no key manager, so it
/// cannot check a signature at upload; the Barbican tests cover that).
/// </summary>
public sealed class SignedDownloadTests : DownloadTestBase
{
    private const string LeafId = "3f1c0a5e-0000-4000-8000-00000000000a";
    private const string CaId = "3f1c0a5e-0000-4000-8000-0000000000ca";
    private const string OtherCaId = "3f1c0a5e-0000-4000-8000-0000000000cb";
    private readonly string _certificates;
    private readonly ImageSigningKey _key;

    public SignedDownloadTests()
    {
        _certificates = Directory.CreateDirectory(Path.Combine(ScratchDir, "certs")).FullName;
        var now = DateTimeOffset.UtcNow;
        using var ca = CreateCa("NovaImage test CA", now);
        using var otherCa = CreateCa("Another CA", now);
        using var leafKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=image signer", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var leaf = request.Create(ca, now.AddDays(-1), now.AddDays(30), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(_certificates, LeafId + ".pem"), leaf.ExportCertificatePem());
        File.WriteAllBytes(Path.Combine(_certificates, CaId + ".der"), ca.RawData);
        File.WriteAllText(Path.Combine(_certificates, OtherCaId + ".crt"), otherCa.ExportCertificatePem());
        _key = ImageSigningKey.FromPem(leafKey.ExportPkcs8PrivateKeyPem());
    }

    [Fact]
    public async Task ASignedImageIsVerifiedOverHttpAndTheResultSaysWhichSignature()
    {
        var (image, data) = await SignedImageAsync();
        await using var client = SigningClient(GlanceServer.Endpoint, direct: false);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination(), new DownloadOptions { VerifySignature = true });

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Equal($"RSA-PSS signature over SHA-256 (certificate {LeafId})", result.VerifiedSignature);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Fact]
    public async Task ASignedImageIsVerifiedOnTheDirectStorePathToo()
    {
        var (image, data) = await SignedImageAsync();
        await using var client = SigningClient(GlanceServer.Endpoint, direct: true, verifyAll: true);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(DownloadPath.DirectStore, result.Path);
        Assert.NotNull(result.VerifiedSignature);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Fact]
    public async Task AResumedDownloadKeepsTheSignatureHashAcrossTheCut()
    {
        var (image, data) = await SignedImageAsync(3 * 1024 * 1024 + 5);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.CutImageData(1024 * 1024, times: 1));
        await using var client = SigningClient(proxy.Endpoint, direct: false, verifyAll: true);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(2, result.Attempts);
        Assert.NotNull(result.VerifiedSignature);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Fact]
    public async Task ASignatureThatDoesNotMatchTheDataFailsOnEveryPathAndLeavesTheDestinationAsItWas()
    {
        var (image, _) = await SignedImageAsync();
        // Re-sign other bytes: a well-formed signature by the right key, over data that is not the image's.
        var other = await new ImageSigning(_key, LeafId).SignAsync(new MemoryStream(RandomBytes(1000)));
        await using (var admin = SigningClient(GlanceServer.Endpoint, direct: false))
            await admin.Api.UpdateImageAsync(image.Id, new ImageUpdate { SetProperties = new Dictionary<string, string> { ["img_signature"] = other.Signature } });
        await File.WriteAllTextAsync(Destination(), "previous image");

        foreach (var direct in new[] { true, false })
        {
            await using var client = SigningClient(GlanceServer.Endpoint, direct, verifyAll: true);
            var error = await Assert.ThrowsAsync<ImageSignatureException>(() => client.Api.DownloadToFileAsync(image.Id, Destination()));

            Assert.Equal(image.Id, error.ImageId);
            Assert.Equal(LeafId, error.CertificateId);
            Assert.Contains("does not match its RSA-PSS signature over SHA-256", error.Message, StringComparison.Ordinal);
            Assert.Equal("previous image", await File.ReadAllTextAsync(Destination()));
            Assert.Empty(TempFiles());
        }
    }

    [Fact]
    public async Task WithVerificationOnAnUnsignedImageFailsBeforeItsDataIsRequested()
    {
        var image = await UploadAsync(RandomBytes(4096));
        await using var client = SigningClient(GlanceServer.Endpoint, direct: false, verifyAll: true);

        var error = await Assert.ThrowsAsync<ImageSignatureException>(() => client.Api.DownloadToFileAsync(image.Id, Destination()));

        Assert.Contains("lacks the signature properties img_signature, img_signature_hash_method, img_signature_key_type, img_signature_certificate_uuid",
            error.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.Requests.PathsEndingWith("/file"));
        Assert.False(File.Exists(Destination()));
    }

    [Fact]
    public async Task WithoutVerificationAnUnsignedImageDownloadsAsBefore()
    {
        var data = RandomBytes(4096);
        var image = await UploadAsync(data);
        await using var client = SigningClient(GlanceServer.Endpoint, direct: false);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Null(result.VerifiedSignature);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Fact]
    public async Task TrustedCertificatesAreCheckedAsNovaChecksThem()
    {
        var (image, data) = await SignedImageAsync();
        await using var client = SigningClient(GlanceServer.Endpoint, direct: false, validateCertificates: true);

        // Trusted by the download: the leaf chains to its CA.
        var trusted = await client.Api.DownloadToFileAsync(image.Id, Destination(), new DownloadOptions { TrustedCertificateIds = [CaId] });
        Assert.NotNull(trusted.VerifiedSignature);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));

        // Another CA: refused before any data.
        var untrusted = await Assert.ThrowsAsync<ImageSignatureException>(() =>
            client.Api.DownloadToFileAsync(image.Id, Destination("untrusted.raw"), new DownloadOptions { TrustedCertificateIds = [OtherCaId] }));
        Assert.Contains("The signing certificate is not trusted", untrusted.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Destination("untrusted.raw")));

        // Verification and validation on, no trusted certificate anywhere: Nova's CertificateValidationFailed.
        await using var verifying = SigningClient(GlanceServer.Endpoint, direct: false, verifyAll: true, validateCertificates: true);
        var none = await Assert.ThrowsAsync<ImageSignatureException>(() => verifying.Api.DownloadToFileAsync(image.Id, Destination("none.raw")));
        Assert.Contains("no trusted certificate ids were given", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredSigningCertificateIsRefused()
    {
        const string expiredId = "3f1c0a5e-0000-4000-8000-0000000000ee";
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var now = DateTimeOffset.UtcNow;
        using var expired = new CertificateRequest("CN=expired signer", key, HashAlgorithmName.SHA384).CreateSelfSigned(now.AddDays(-30), now.AddDays(-1));
        await File.WriteAllTextAsync(Path.Combine(_certificates, expiredId + ".pem"), expired.ExportCertificatePem());
        var (image, _) = await SignedImageAsync(signing: new ImageSigning(ImageSigningKey.FromPem(key.ExportPkcs8PrivateKeyPem()), expiredId) { HashMethod = "SHA-384" });
        await using var client = SigningClient(GlanceServer.Endpoint, direct: false, verifyAll: true);

        var error = await Assert.ThrowsAsync<ImageSignatureException>(() => client.Api.DownloadToFileAsync(image.Id, Destination()));

        Assert.Contains("The signing certificate cannot be used: The certificate expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(expiredId, error.CertificateId);
    }

    [Fact]
    public async Task ACertificateIdThatIsAPathIsRefusedWithoutTouchingTheFileSystem()
    {
        var (image, _) = await SignedImageAsync();
        await using (var admin = SigningClient(GlanceServer.Endpoint, direct: false))
        {
            await admin.Api.UpdateImageAsync(image.Id, new ImageUpdate
            {
                SetProperties = new Dictionary<string, string> { ["img_signature_certificate_uuid"] = "../../../etc/ssl/certs/ca-certificates" },
            });
        }

        await using var client = SigningClient(GlanceServer.Endpoint, direct: false, verifyAll: true);
        var error = await Assert.ThrowsAsync<ImageSignatureException>(() => client.Api.DownloadToFileAsync(image.Id, Destination()));

        Assert.Contains("is not a plain file name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("../", error.Message, StringComparison.Ordinal);
    }

    private async Task<(Image Image, byte[] Data)> SignedImageAsync(int size = 256 * 1024 + 3, ImageSigning? signing = null)
    {
        var data = RandomBytes(size);
        var image = await UploadAsync(data);
        var signature = await (signing ?? new ImageSigning(_key, LeafId)).SignAsync(new MemoryStream(data));
        await using var client = SigningClient(GlanceServer.Endpoint, direct: false);
        var signed = await client.Api.UpdateImageAsync(image.Id, new ImageUpdate { SetProperties = signature.ToProperties() });
        Assert.Equal(signature.Signature, signed.Properties["img_signature"]);
        return (image, data);
    }

    private ImageApiHost SigningClient(Uri server, bool direct, bool verifyAll = false, bool validateCertificates = false) =>
        ImageApiHost.Create(o =>
        {
            o.ApiServers = [server.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
            o.RetryDelay = RetryDelay;
            o.SigningCertificateDirectory = _certificates;
            o.VerifyGlanceSignatures = verifyAll;
            o.EnableCertificateValidation = validateCertificates;
            if (!direct) return;
            var configured = DirectOptions();
            o.AllowedDirectUrlSchemes = configured.AllowedDirectUrlSchemes;
            o.Filesystems = configured.Filesystems;
        });

    private static X509Certificate2 CreateCa(string name, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(365));
    }
}
