using System.Security.Cryptography;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;
using NovaImage.TestSupport.V1Server;
using NovaImage.Tests.ImageApi;

namespace NovaImage.Tests.Download;

/// <summary>
/// Downloads through the client in v1 mode, against the faithful v1 server: v1's data GET has no ranges, so a broken
/// stream is read again from byte 0 with fresh hashes, and the md5 checksum is what verifies it.
/// </summary>
public sealed class V1DownloadTests : IAsyncLifetime
{
    private const int ImageSize = 3 * 1024 * 1024 + 5;
    private readonly string _scratch = Directory.CreateTempSubdirectory("novaimage-v1dl-").FullName;
    private V1Server _server = null!;

    public async Task InitializeAsync() => _server = await V1Server.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task ACutV1StreamIsReadAgainFromTheStartAndVerifiedByItsChecksum()
    {
        var (data, id) = await UploadAsync();
        await using var proxy = await FaultInjectingProxy.StartAsync(_server.Endpoint,
            (request, index) => request.Method == "GET" && request.Path == $"/v1/images/{id}" && index == 0 ? new ProxyFault(1024 * 1024, Stall: false) : null);
        await using var client = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V1, proxy.Endpoint);
        var destination = Path.Combine(_scratch, "image.raw");

        var result = await client.Api.DownloadToFileAsync(id, destination);

        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("md5", result.VerifiedAlgorithm);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), result.VerifiedHash);
        Assert.Equal(data, await File.ReadAllBytesAsync(destination));
        var gets = proxy.Requests.Where(r => r.Method == "GET" && r.PathAndQuery == $"/v1/images/{id}").ToArray();
        Assert.Equal(2, gets.Length);
        Assert.All(gets, r => Assert.Null(r.Range));
        Assert.Equal(ImageSize, gets[1].BodyBytesSent);
    }

    [Fact]
    public async Task AStreamDestinationGetsEveryV1ByteExactlyOnceAcrossARestart()
    {
        var (data, id) = await UploadAsync();
        await using var proxy = await FaultInjectingProxy.StartAsync(_server.Endpoint,
            (request, index) => request.Method == "GET" && request.Path == $"/v1/images/{id}" && index < 2 ? new ProxyFault(700 * 1024 * (index + 1), Stall: false) : null);
        await using var client = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V1, proxy.Endpoint);
        using var destination = new MemoryStream();

        var result = await client.Api.DownloadAsync(id, destination);

        Assert.Equal(3, result.Attempts);
        Assert.Equal(data, destination.ToArray());
    }

    [Fact]
    public async Task AV1ServerThatAlwaysTruncatesFailsAfterNumRetriesPlusOneAttempts()
    {
        var (_, id) = await UploadAsync();
        _server.Faults.TruncateDownloadsAfter = 4096;
        await using var client = ImageApiHost.Create(o =>
        {
            o.ApiServers = [_server.Endpoint.AbsoluteUri];
            o.ApiVersion = ApiVersion.V1;
            o.Token = GlanceIdentity.ProjectA.Token;
            o.RetryDelay = TimeSpan.Zero;
            o.NumRetries = 2;
        });
        var destination = Path.Combine(_scratch, "image.raw");
        await File.WriteAllTextAsync(destination, "previous");

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => client.Api.DownloadToFileAsync(id, destination));

        Assert.Equal(3, client.Requests.All.Count(r => r.Method == "GET" && r.Uri.AbsolutePath == $"/v1/images/{id}"));
        Assert.Equal(_server.Endpoint, error.Server);
        Assert.Equal("previous", await File.ReadAllTextAsync(destination));
        Assert.Single(Directory.GetFiles(_scratch));
    }

    [Fact]
    public async Task AnImageWithoutAChecksumIsReportedAsSizeOnlyOrRefusedWhenAHashIsRequired()
    {
        await using var source = await ExternalHttpSource.StartAsync();
        var data = RandomNumberGenerator.GetBytes(5000);
        var id = await _server.CreateByLocationAsync(GlanceIdentity.ProjectA, source.Publish("unhashed.raw", data), "v1-unhashed");
        await using var client = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V1, _server.Endpoint);

        var result = await client.Api.DownloadToFileAsync(id, Path.Combine(_scratch, "unhashed.raw"));
        Assert.Equal(DownloadVerification.SizeOnly, result.Verification);
        Assert.Null(result.VerifiedAlgorithm);
        Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(_scratch, "unhashed.raw")));

        var destination = Path.Combine(_scratch, "required.raw");
        var error = await Assert.ThrowsAsync<ImageNotVerifiableException>(() =>
            client.Api.DownloadToFileAsync(id, destination, new DownloadOptions { RequireHash = true }));
        Assert.Equal(id, error.ImageId);
        Assert.Contains("no checksum", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_scratch, "*required*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    private async Task<(byte[] Data, string Id)> UploadAsync()
    {
        var data = RandomNumberGenerator.GetBytes(ImageSize);
        await using var client = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V1, _server.Endpoint);
        var image = await client.Api.CreateImageAsync(new ImageCreate { Name = "v1-download", DiskFormat = "raw", ContainerFormat = "bare" });
        await client.Api.UploadAsync(image.Id, new MemoryStream(data));
        return (data, image.Id);
    }
}
