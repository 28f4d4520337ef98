using Microsoft.AspNetCore.Http;
using NovaImage.TestSupport.Fakes;

namespace NovaImage.Tests.Hostile;

/// <summary>
/// A Glance (<see cref="FakeGlance"/>) whose answers are broken or lie: cut JSON, an HTML error page, an image record
/// whose size or checksum disagrees with the data it serves. Each is a typed error naming the image and the server,
/// and a download writes nothing.
/// </summary>
public sealed class HostileRecordTests
{
    private const string ImageId = "0d3c3a52-8d7e-4b0a-9f7e-2c9b3f5d6e71";
    private static readonly byte[] Data = "abc"u8.ToArray();

    // md5("abc") = 900150983cd24fb0d6963f7d28e17f72.
    private static string Record(long size, string checksum) =>
        $$"""{"id":"{{ImageId}}","name":"abc","status":"active","visibility":"private","size":{{size}},"checksum":"{{checksum}}","disk_format":"raw","container_format":"bare","self":"/v2/images/{{ImageId}}","file":"/v2/images/{{ImageId}}/file"}""";

    private static Task<FakeGlance> Serving(string record, byte[] data) => FakeGlance.StartAsync((context, _) =>
    {
        if (context.Request.Path.Value!.EndsWith("/file", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/octet-stream";
            return context.Response.Body.WriteAsync(data).AsTask();
        }
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(record);
    });

    private static GlanceImageApi Client(Uri server) => GlanceImageApi.Create(new GlanceOptions
    {
        ApiServers = [server.AbsoluteUri],
        ApiVersion = ApiVersion.V2,
        Token = "t",
        NumRetries = 2,
        RetryDelay = TimeSpan.Zero,
    });

    [Theory]
    [InlineData("{\"id\":\"0d3c3a52-8d7e-4b0a-9f7e-2c9b3f5d6e71\",\"name\":\"ab")]
    [InlineData("{\"id\":\"0d3c3a52-8d7e-4b0a-9f7e-2c9b3f5d6e71\",\"size\":\"three\"}")]
    [InlineData("not json at all")]
    public async Task A_cut_or_malformed_image_record_is_a_server_error_and_a_download_writes_nothing(string record)
    {
        await using var glance = await Serving(record, Data);
        using var api = Client(glance.Endpoint);
        var directory = Directory.CreateTempSubdirectory("novaimage-hostile-");
        try
        {
            var shown = await Assert.ThrowsAsync<GlanceServerException>(() => api.GetImageAsync(ImageId));
            var downloaded = await Assert.ThrowsAsync<GlanceServerException>(() => api.DownloadToFileAsync(ImageId, Path.Combine(directory.FullName, "image.raw")));

            Assert.All([shown, downloaded], e => Assert.Equal(ImageId, e.ImageId));
            Assert.All([shown, downloaded], e => Assert.Equal(glance.Endpoint, e.Server));
            Assert.Empty(directory.GetFileSystemInfos());
            Assert.DoesNotContain(glance.Requests, r => r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(2, "900150983cd24fb0d6963f7d28e17f72")] // the record promises less than is served
    [InlineData(3, "00000000000000000000000000000000")] // the right size, the wrong checksum
    public async Task An_image_record_that_disagrees_with_its_data_is_an_integrity_error_and_nothing_is_written(long size, string checksum)
    {
        await using var glance = await Serving(Record(size, checksum), Data);
        using var api = Client(glance.Endpoint);
        var directory = Directory.CreateTempSubdirectory("novaimage-hostile-");
        try
        {
            var error = await Assert.ThrowsAsync<ImageIntegrityException>(() => api.DownloadToFileAsync(ImageId, Path.Combine(directory.FullName, "image.raw")));

            Assert.Equal(ImageId, error.ImageId);
            Assert.Equal(glance.Endpoint, error.Server);
            Assert.Empty(directory.GetFileSystemInfos());
            Assert.Single(glance.Requests, r => r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Data_shorter_than_the_record_promises_is_read_as_a_cut_retried_then_a_connection_failure_writing_nothing()
    {
        await using var glance = await Serving(Record(4, "900150983cd24fb0d6963f7d28e17f72"), Data);
        using var api = Client(glance.Endpoint);
        var directory = Directory.CreateTempSubdirectory("novaimage-hostile-");
        try
        {
            var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => api.DownloadToFileAsync(ImageId, Path.Combine(directory.FullName, "image.raw")));

            Assert.Equal(ImageId, error.ImageId);
            Assert.Equal(glance.Endpoint, error.Server);
            Assert.Empty(directory.GetFileSystemInfos());
            Assert.Equal(3, glance.Requests.Count(r => r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal))); // num_retries + 1
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_html_error_page_becomes_a_server_error_with_its_text_and_no_markup()
    {
        await using var glance = await FakeGlance.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1>The store <b>fs1</b> is read-only.<br /></body></html>");
        });
        using var api = Client(glance.Endpoint);

        var error = await Assert.ThrowsAsync<GlanceServerException>(() => api.GetImageAsync(ImageId));

        Assert.Contains("is read-only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", error.Message, StringComparison.Ordinal);
        Assert.Equal(glance.Endpoint, error.Server);
        Assert.Single(glance.Requests);
    }

    [Fact]
    public async Task A_huge_response_header_is_a_typed_error_naming_the_server_and_a_download_writes_nothing()
    {
        await using var glance = await FakeGlance.StartAsync((context, _) =>
        {
            context.Response.Headers["X-Padding"] = new string('x', 1024 * 1024);
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Record(3, "900150983cd24fb0d6963f7d28e17f72"));
        });
        using var api = Client(glance.Endpoint);
        var directory = Directory.CreateTempSubdirectory("novaimage-hostile-");
        try
        {
            // HttpClient refuses headers over 64 KiB before anything is read; like any failed exchange it is retried,
            // so the bound is num_retries + 1 requests per call.
            var shown = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => api.GetImageAsync(ImageId));
            var downloaded = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => api.DownloadToFileAsync(ImageId, Path.Combine(directory.FullName, "image.raw")));

            Assert.All([shown, downloaded], e => Assert.Equal(glance.Endpoint, e.Server));
            Assert.All([shown, downloaded], e => Assert.Equal(ImageId, e.ImageId));
            Assert.All([shown, downloaded], e => Assert.Contains("response headers length exceeded", e.Message, StringComparison.Ordinal));
            Assert.Equal(6, glance.Requests.Count);
            Assert.Empty(directory.GetFileSystemInfos());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
