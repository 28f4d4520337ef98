using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;
using NovaImage.Tests.ImageApi;

namespace NovaImage.Tests.Download;

/// <summary>
/// An upload whose data is larger than the size promised for it (<see cref="UploadOptions.Size"/>; the CLI promises
/// the file's length, which a file still being written outgrows) is an integrity failure, stopped before a byte past
/// the promise is sent and never retried. Before, v2 failed inside HttpClient as a transport error, retried and ended
/// as "no Glance server could be reached" (CLI exit 6) or stored the longer data, and v1 Glance answered 400 (exit 2).
/// </summary>
public sealed class UploadSizePromiseTests
{
    [Fact]
    public async Task V2DataLargerThanPromisedIsAnIntegrityFailureAndTheImageGetsNoData()
    {
        await using var client = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);
        var image = await client.Api.CreateImageAsync(new ImageCreate { Name = $"promise-{Guid.NewGuid():N}", DiskFormat = "raw", ContainerFormat = "bare" });

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() =>
            client.Api.UploadAsync(image.Id, new MemoryStream(new byte[200_000]), new UploadOptions { Size = 100_000 }));

        Assert.Equal(image.Id, error.ImageId);
        Assert.Contains("larger than promised: 100000 bytes were declared", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, client.Requests.PathsEndingWith("/file")); // not retried
        var after = await client.Api.GetImageAsync(image.Id);
        Assert.NotEqual(ImageStatus.Active, after.Status);
        Assert.Null(after.Size);
        await client.Api.DeleteImageAsync(image.Id);
    }

    [Fact]
    public async Task V1DataLargerThanPromisedIsAnIntegrityFailureNotABadRequest()
    {
        await using var server = await V1Server.StartAsync();
        await using var client = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V1, server.Endpoint);
        var image = await client.Api.CreateImageAsync(new ImageCreate { Name = "v1-promise", DiskFormat = "raw", ContainerFormat = "bare" });

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() =>
            client.Api.UploadAsync(image.Id, new MemoryStream(new byte[50_000]), new UploadOptions { Size = 20_000 }));

        Assert.Equal(image.Id, error.ImageId);
        Assert.Equal(ImageStatus.Queued, (await client.Api.GetImageAsync(image.Id)).Status);
    }

    [Fact]
    public async Task DataOfExactlyThePromisedSizeIsUploaded()
    {
        await using var client = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);
        var image = await client.Api.CreateImageAsync(new ImageCreate { Name = $"promise-{Guid.NewGuid():N}", DiskFormat = "raw", ContainerFormat = "bare" });

        await client.Api.UploadAsync(image.Id, new MemoryStream(new byte[100_000]), new UploadOptions { Size = 100_000 });

        Assert.Equal(100_000, (await client.Api.GetImageAsync(image.Id)).Size);
        await client.Api.DeleteImageAsync(image.Id);
    }
}
