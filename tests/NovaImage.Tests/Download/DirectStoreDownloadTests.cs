using System.Security.Cryptography;
using NovaImage.TestSupport;
using NovaImage.Tests.ImageApi;

namespace NovaImage.Tests.Download;

/// <summary>
/// Direct-store downloads through the built-in client (<see cref="IImageApi.DownloadToFileAsync"/>) from the real
/// Glance's fs1 file store, and every way the direct path falls back to HTTP.
/// </summary>
public sealed class DirectStoreDownloadTests : DownloadTestBase
{
    [Fact]
    public async Task AConfiguredDownloadIsCopiedFromTheStoreAndNeverRequestsTheFileRoute()
    {
        var data = RandomBytes(3 * 1024 * 1024 + 17);
        var image = await UploadAsync(data);
        await using var client = Client();

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(DownloadPath.DirectStore, result.Path);
        Assert.Equal(0, client.Requests.PathsEndingWith("/file"));
        Assert.Equal(1, client.Requests.PathsEndingWith($"/v2/images/{image.Id}"));
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal("sha512", result.VerifiedAlgorithm);
        Assert.Equal(Sha512Hex(data), result.VerifiedHash);
        Assert.Equal(data.Length, result.Bytes);
        Assert.Equal(0, result.Attempts);
        Assert.Equal(image.Locations[0].Url, result.SourceLocation);
        Assert.Contains(StoreFile(image), result.Reason, StringComparison.Ordinal);
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task AnAllowedSchemeWithoutAnAdapterIsReportedOncePerClientNotOnEveryDownload()
    {
        var data = RandomBytes(64 * 1024);
        var image = await UploadAsync(data);
        await using var client = ImageApiHost.Create(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
            o.AllowedDirectUrlSchemes = ["file", "rbd"];
            o.Filesystems = DirectOptions().Filesystems;
        });

        await client.Api.DownloadToFileAsync(image.Id, Destination("first.raw"));
        await client.Api.DownloadToFileAsync(image.Id, Destination("second.raw"));

        var warning = Assert.Single(client.Logs.GetSnapshot(), r => r.Id.Id == 4001);
        Assert.Contains("rbd", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GlancesMountpointIsRemappedToTheLocalOneReachedThroughASymlink()
    {
        var data = RandomBytes(1024 * 1024);
        var image = await UploadAsync(data);
        var localMount = Path.Combine(ScratchDir, "mnt-glance");
        File.CreateSymbolicLink(localMount, StoreDir);
        await using var client = Client(mountpoint: localMount);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(DownloadPath.DirectStore, result.Path);
        Assert.Equal(0, client.Requests.PathsEndingWith("/file"));
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Contains("filesystem 'shared1'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdMismatchFallsBackToHttp()
    {
        var data = RandomBytes(512 * 1024);
        var image = await UploadAsync(data);
        await using var client = Client(id: "some-other-filesystem");

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Equal(1, client.Requests.PathsEndingWith("/file"));
        Assert.Contains($"no configured filesystem has id '{StoreId}'", result.Reason, StringComparison.Ordinal);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal(Sha512Hex(data), result.VerifiedHash);
    }

    [Fact]
    public async Task AStoreFileAlteredOnDiskRaisesAnIntegrityErrorAndLeavesNoDestination()
    {
        var data = RandomBytes(1024 * 1024);
        var image = await UploadAsync(data);
        await using (var store = new FileStream(StoreFile(image), FileMode.Open, FileAccess.Write))
        {
            store.Position = 4096;
            store.WriteByte((byte)(data[4096] ^ 0xFF));
        }

        await using var client = Client();
        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() => client.Api.DownloadToFileAsync(image.Id, Destination()));

        // The direct copy failed verification, so HTTP was tried, and Glance served the same altered file.
        Assert.Equal(1, client.Requests.PathsEndingWith("/file"));
        Assert.Equal(image.Id, error.ImageId);
        Assert.Contains($"does not match its sha512: expected {image.OsHashValue}, got ", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Destination()));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task AnAlteredLocalViewOfTheStoreFallsBackToGlancesGoodCopy()
    {
        var data = RandomBytes(256 * 1024);
        var image = await UploadAsync(data);
        var localMount = Directory.CreateDirectory(Path.Combine(ScratchDir, "stale-mount")).FullName;
        var stale = (byte[])data.Clone();
        stale[100] ^= 0x01;
        await File.WriteAllBytesAsync(Path.Combine(localMount, image.Id), stale);
        await using var client = Client(mountpoint: localMount);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Contains("does not match its sha512", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, client.Requests.PathsEndingWith("/file"));
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Fact]
    public async Task ASymlinkInTheMountpointResolvingOutsideItIsRefusedAndHttpServesTheImage()
    {
        var data = RandomBytes(128 * 1024);
        var image = await UploadAsync(data);
        // The local mount holds the image's name as a symlink to a file outside it, even one with the right bytes.
        var outside = Path.Combine(ScratchDir, "outside.raw");
        await File.WriteAllBytesAsync(outside, data);
        var localMount = Directory.CreateDirectory(Path.Combine(ScratchDir, "mount")).FullName;
        File.CreateSymbolicLink(Path.Combine(localMount, image.Id), outside);
        await using var client = Client(mountpoint: localMount);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Contains("outside the mountpoint", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, client.Requests.PathsEndingWith("/file"));
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Theory]
    [InlineData("{mount}/../../etc/passwd")]
    [InlineData("{mount}/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("{mount}2/{id}")]
    public async Task ALocationPointingOutsideTheMountpointIsRefusedAndHttpServesTheImage(string path)
    {
        // Glance refuses file:// locations from its API, so a forged record stands for a compromised or corrupted one.
        var data = RandomBytes(64 * 1024);
        var image = await UploadAsync(data);
        var location = image.Locations[0];
        var forged = image with { Locations = [location with { Url = "file://" + path.Replace("{mount}", StoreDir).Replace("{id}", image.Id) }], DirectUrl = null };
        var counter = NewCounter();

        var result = await Downloader(DirectOptions()).DownloadToFileAsync(forged, V2Source(image.Id, counter), Destination());

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Contains("FileDirectStoreAdapter refused", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, counter.Log.PathsEndingWith("/file"));
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Theory]
    [InlineData(true, DownloadVerification.SizeOnly)]
    [InlineData(false, DownloadVerification.Nothing)]
    public async Task ADirectCopyOfAnImageWithoutHashesIsReportedAsUnverifiedOrRefusedWhenAHashIsRequired(bool withSize, DownloadVerification expected)
    {
        // A record without checksum and multihash (e.g. an image registered by location): a direct copy has no
        // Content-MD5 to fall back on, so at most the size can be checked, and the result must say so.
        var data = RandomBytes(64 * 1024);
        var image = await UploadAsync(data);
        var bare = image with { Checksum = null, OsHashAlgo = null, OsHashValue = null, Size = withSize ? image.Size : null };

        var result = await Downloader(DirectOptions()).DownloadToFileAsync(bare, V2Source(image.Id, NewCounter()), Destination());
        Assert.Equal(DownloadPath.DirectStore, result.Path);
        Assert.Equal(expected, result.Verification);
        Assert.Null(result.VerifiedHash);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));

        // Asked for a hash: refused before anything is written, and not retried over HTTP (the record is what lacks
        // a hash; Glance derives its Content-MD5 from that same record).
        var counter = NewCounter();
        var error = await Assert.ThrowsAsync<ImageNotVerifiableException>(() =>
            Downloader(DirectOptions()).DownloadToFileAsync(bare, V2Source(image.Id, counter), Destination("required.raw"), new DownloadOptions { RequireHash = true }));
        Assert.Equal(0, counter.Log.PathsEndingWith("/file"));
        Assert.Equal(image.Id, error.ImageId);
        Assert.False(File.Exists(Destination("required.raw")));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task ABareDirectUrlWithoutMetadataFallsBackToHttp()
    {
        var data = RandomBytes(64 * 1024);
        var image = await UploadAsync(data);

        var result = await Downloader(DirectOptions()).DownloadToFileAsync(image with { Locations = [] }, V2Source(image.Id, NewCounter()), Destination());

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Contains("metadata has no 'id'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAllowedSchemesTheDirectPathIsNotTried()
    {
        var data = RandomBytes(64 * 1024);
        var image = await UploadAsync(data);
        await using var client = Client(direct: false);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Contains("AllowedDirectUrlSchemes is empty", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(NovaImage.TestSupport.GlanceServer.Endpoint, result.Server);
    }

    [Fact]
    public async Task TheDirectPathCanBeDeclinedPerDownload()
    {
        var data = RandomBytes(64 * 1024);
        var image = await UploadAsync(data);
        await using var client = Client();

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination(), new DownloadOptions { AllowDirectStore = false });

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Contains("DownloadOptions.AllowDirectStore", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, client.Requests.PathsEndingWith("/file"));
    }

    [Fact]
    public async Task ADirectDownloadReplacesAnExistingDestinationAtomically()
    {
        var data = RandomBytes(200 * 1024);
        var image = await UploadAsync(data);
        await File.WriteAllTextAsync(Destination(), "old content");
        await using var client = Client();

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(DownloadPath.DirectStore, result.Path);
        Assert.Equal(SHA512.HashData(data), SHA512.HashData(await File.ReadAllBytesAsync(Destination())));
        Assert.Empty(TempFiles());
    }
}
