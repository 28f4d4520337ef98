using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NovaImage.TestSupport;
using NovaImage.Tests.ImageApi;

namespace NovaImage.Tests.Signatures;

/// <summary>
/// Image signatures with the real parts: Keystone, Barbican holding the certificate, and a Glance that verifies
/// signatures at upload (through castellan and cursive). NovaImage signs while uploading and Glance accepts it; a
/// wrong signature is refused by Glance; NovaImage verifies downloads with the certificate it fetches from Barbican
/// with the client's own Keystone credentials, and refuses a store file altered after upload and a certificate of
/// another project.
/// </summary>
public sealed class BarbicanSignatureTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("novaimage-bb-").FullName;
    private readonly List<string> _images = [];
    private ImageSigningKey _key = null!;
    private string _certificateId = null!;
    private ImageApiHost _demo = null!;

    public async Task InitializeAsync()
    {
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        using var certificate = new CertificateRequest("CN=novaimage barbican test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        _certificateId = await KeystoneCloud.StoreCertificateAsync(KeystoneCloud.Demo, certificate.ExportCertificatePem());
        _key = ImageSigningKey.FromPem(rsa.ExportPkcs8PrivateKeyPem());
        _demo = Client(KeystoneCloud.Demo);
    }

    [Fact]
    public async Task AnImageSignedByNovaImageIsAcceptedByGlanceAndVerifiedOnDownloadWithTheCertificateFromBarbican()
    {
        var data = RandomNumberGenerator.GetBytes(512 * 1024 + 9);
        var image = await CreateAsync();

        await _demo.Api.UploadAsync(image.Id, new MemoryStream(data), new UploadOptions { Signing = new ImageSigning(_key, _certificateId) });
        var uploaded = await _demo.Api.GetImageAsync(image.Id);
        var result = await _demo.Api.DownloadToFileAsync(image.Id, Path.Combine(_scratch, "signed.raw"), new DownloadOptions { VerifySignature = true });

        Assert.Equal(ImageStatus.Active, uploaded.Status); // Glance verified it with cursive and the certificate in Barbican
        Assert.Equal(_certificateId, uploaded.Properties["img_signature_certificate_uuid"]);
        Assert.Equal("RSA-PSS", uploaded.Properties["img_signature_key_type"]);
        Assert.Equal($"RSA-PSS signature over SHA-256 (certificate {_certificateId})", result.VerifiedSignature);
        Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(_scratch, "signed.raw")));
    }

    [Fact]
    public async Task AStagedImageIsSignedWhileItStreamsUpAndGlanceAcceptsItAtImport()
    {
        var data = RandomNumberGenerator.GetBytes(300 * 1024 + 1);
        var image = await CreateAsync();

        // A pipe: not seekable, so the signature can only be computed as the data goes up.
        await _demo.Api.StageAsync(image.Id, new NonSeekableStream(data), new UploadOptions { Signing = new ImageSigning(_key, _certificateId) { HashMethod = "SHA-512" } });
        await _demo.Api.ImportAsync(image.Id, ImageImport.GlanceDirect());
        var imported = await WaitForImportAsync(image.Id);
        var result = await _demo.Api.DownloadToFileAsync(image.Id, Path.Combine(_scratch, "staged.raw"), new DownloadOptions { VerifySignature = true });

        Assert.Equal(ImageStatus.Active, imported.Status);
        Assert.Equal("SHA-512", imported.Properties["img_signature_hash_method"]);
        Assert.NotNull(result.VerifiedSignature);
    }

    [Fact]
    public async Task AWrongSignatureIsRefusedByGlanceAtUploadAndTheImageStaysQueued()
    {
        var data = RandomNumberGenerator.GetBytes(64 * 1024);
        var otherData = await new ImageSigning(_key, _certificateId).SignAsync(new MemoryStream(RandomNumberGenerator.GetBytes(64 * 1024)));
        var image = await CreateAsync(otherData.ToProperties());

        var error = await Assert.ThrowsAnyAsync<GlanceException>(() => _demo.Api.UploadAsync(image.Id, new MemoryStream(data)));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Signature verification failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(ImageStatus.Queued, (await _demo.Api.GetImageAsync(image.Id)).Status);
    }

    [Fact]
    public async Task AStoreFileAlteredAfterUploadIsRefusedOnDownloadAndNothingIsWritten()
    {
        var data = RandomNumberGenerator.GetBytes(256 * 1024);
        var image = await CreateAsync();
        await _demo.Api.UploadAsync(image.Id, new MemoryStream(data), new UploadOptions { Signing = new ImageSigning(_key, _certificateId) });
        var storeFile = Directory.GetFiles(Path.Combine(KeystoneCloud.GlanceStateDir, "images"), image.Id, SearchOption.AllDirectories).Single();
        await using (var file = new FileStream(storeFile, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = 1000;
            var b = file.ReadByte();
            file.Position = 1000;
            file.WriteByte((byte)(b ^ 0x01));
        }

        var destination = Path.Combine(_scratch, "altered.raw");
        var error = await Assert.ThrowsAnyAsync<GlanceException>(() =>
            _demo.Api.DownloadToFileAsync(image.Id, destination, new DownloadOptions { VerifySignature = true }));

        // The multihash catches it first; the signature would too (see SignedDownloadTests for a signature-only mismatch).
        Assert.True(error is ImageIntegrityException or ImageSignatureException, error.GetType().Name);
        Assert.Equal(image.Id, error.ImageId);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public async Task ACertificateOfAnotherProjectCannotBeFetchedAndTheDownloadIsRefusedBeforeItsData()
    {
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        using var foreign = new CertificateRequest("CN=alt_demo's signer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var foreignId = await KeystoneCloud.StoreCertificateAsync(KeystoneCloud.AltDemo, foreign.ExportCertificatePem());
        var data = RandomNumberGenerator.GetBytes(32 * 1024);
        var image = await CreateAsync();
        await _demo.Api.UploadAsync(image.Id, new MemoryStream(data), new UploadOptions { Signing = new ImageSigning(_key, _certificateId) });
        // Glance checks signatures only at upload: the properties can be changed afterwards, by anyone who may edit the image.
        var signed = await new ImageSigning(ImageSigningKey.FromPem(rsa.ExportPkcs8PrivateKeyPem()), foreignId).SignAsync(new MemoryStream(data));
        await _demo.Api.UpdateImageAsync(image.Id, new ImageUpdate { SetProperties = signed.ToProperties() });

        var error = await Assert.ThrowsAsync<ImageSignatureException>(() =>
            _demo.Api.DownloadToFileAsync(image.Id, Path.Combine(_scratch, "foreign.raw"), new DownloadOptions { VerifySignature = true }));

        Assert.Equal(foreignId, error.CertificateId);
        Assert.Contains("Unable to retrieve", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
    }

    private static ImageApiHost Client(KeystoneUser user) => ImageApiHost.Create(o =>
    {
        o.Keystone = new KeystoneAuthOptions
        {
            AuthType = "password",
            AuthUrl = KeystoneCloud.AuthUrl.AbsoluteUri,
            Username = user.Username,
            Password = user.Password,
            UserDomainName = user.UserDomainName,
            ProjectName = user.ProjectName,
            ProjectDomainName = user.ProjectDomainName,
            RegionName = KeystoneCloud.Region,
        };
        o.RetryDelay = TimeSpan.Zero;
    });

    private async Task<Image> CreateAsync(IReadOnlyDictionary<string, string>? properties = null)
    {
        var image = await _demo.Api.CreateImageAsync(new ImageCreate
        {
            Name = "novaimage-signature-test",
            DiskFormat = "raw",
            ContainerFormat = "bare",
            Properties = properties ?? new Dictionary<string, string>(),
        });
        _images.Add(image.Id);
        return image;
    }

    private async Task<Image> WaitForImportAsync(string imageId)
    {
        // Glance imports in a task of its own; the image says when it is done or failed (a generous bound, not a timing).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var image = await _demo.Api.GetImageAsync(imageId);
            if (image.Status == ImageStatus.Active || image.Properties.GetValueOrDefault("os_glance_failed_import") is { Length: > 0 })
                return image;
            Assert.True(DateTime.UtcNow < deadline, $"the import of image {imageId} did not end within 120 s (status {image.Status})");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var id in _images)
        {
            try
            {
                await _demo.Api.DeleteImageAsync(id);
            }
            catch (ImageNotFoundException)
            {
            }
        }

        await _demo.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;
    }
}
