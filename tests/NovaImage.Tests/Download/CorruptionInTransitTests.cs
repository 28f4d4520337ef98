using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;

namespace NovaImage.Tests.Download;

/// <summary>
/// Downloads through a loopback proxy that inverts one byte of Glance's image data and relays everything else
/// unchanged: the connection is fine, only the bytes are wrong, so nothing but verification can notice.
/// </summary>
public sealed class CorruptionInTransitTests : DownloadTestBase
{
    private const int ImageSize = 2 * 1024 * 1024 + 5;
    private const long FlippedAt = 1024 * 1024 + 3;

    [Fact]
    public async Task A_flipped_byte_is_an_integrity_error_that_leaves_the_destination_untouched_and_no_temporary_file()
    {
        var image = await UploadAsync(RandomBytes(ImageSize));
        await File.WriteAllTextAsync(Destination(), "previous image");
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.FlipImageDataByte(FlippedAt));
        await using var client = Client(server: proxy.Endpoint, numRetries: 2, direct: false);

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() => client.Api.DownloadToFileAsync(image.Id, Destination()));

        Assert.Equal(image.Id, error.ImageId);
        Assert.Equal(proxy.Endpoint, error.Server);
        Assert.Equal("previous image", await File.ReadAllTextAsync(Destination()));
        Assert.Empty(TempFiles());
        // Corrupt data is not a transient fault: the whole image was received once, and not asked for again.
        var fileRequest = Assert.Single(proxy.Requests, r => r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal));
        Assert.Equal(ImageSize, fileRequest.BodyBytesSent);
    }

    [Fact]
    public async Task A_flipped_byte_in_a_download_to_a_stream_is_an_integrity_error_naming_the_image_and_server()
    {
        var image = await UploadAsync(RandomBytes(ImageSize));
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.FlipImageDataByte(FlippedAt));
        await using var client = Client(server: proxy.Endpoint, numRetries: 2, direct: false);
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() => client.Api.DownloadAsync(image.Id, destination));

        Assert.Equal(image.Id, error.ImageId);
        Assert.Equal(proxy.Endpoint, error.Server);
        Assert.Single(proxy.Requests, r => r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal));
    }
}
