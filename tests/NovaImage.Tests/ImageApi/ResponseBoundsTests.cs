using Microsoft.AspNetCore.Http;
using NovaImage.TestSupport.Fakes;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// Bounded time and memory against a fake Glance that stalls, trickles or sends too much: each case ends with the
/// typed error (or the right answer from another server), detected by short configured limits, never by the clock.
/// </summary>
public sealed class ResponseBoundsTests
{
    // Only keeps a broken build from hanging the run; no assertion depends on how long anything took.
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    private const string ImageId = "6c1d5f0e-0000-4000-8000-00000000000a";

    private static string ImageJson(string id, string name = "bounded") =>
        $$"""{"id":"{{id}}","name":"{{name}}","status":"active","visibility":"public","container_format":"bare","disk_format":"raw","size":3,"tags":[]}""";

    [Fact]
    public async Task A_body_that_stalls_is_transient_and_the_call_is_answered_by_the_next_server()
    {
        var stall = FakeGlanceBody.StallAfter(ImageJson(ImageId), 10);
        await using var stalling = await FakeGlance.StartAsync((context, _) => stall.WriteAsync(context));
        await using var healthy = await FakeGlance.AnsweringJsonAsync(ImageJson(ImageId, "from-the-healthy-server"));
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [stalling.Endpoint.AbsoluteUri, healthy.Endpoint.AbsoluteUri];
            o.RetryDelay = TimeSpan.Zero;
            o.StallTimeout = TimeSpan.FromMilliseconds(200);
        });

        // The rotation starts at a random server: two calls, so one of them meets the stalling server.
        var first = await host.Api.GetImageAsync(ImageId).WaitAsync(Hang);
        var second = await host.Api.GetImageAsync(ImageId).WaitAsync(Hang);

        Assert.Equal("from-the-healthy-server", first.Name);
        Assert.Equal("from-the-healthy-server", second.Name);
        Assert.Single(stalling.Requests);
    }

    [Fact]
    public async Task A_stall_on_every_server_ends_as_a_connection_failure_naming_the_stall()
    {
        var stall = FakeGlanceBody.StallAfter(ImageJson(ImageId), 10);
        await using var stalling = await FakeGlance.StartAsync((context, _) => stall.WriteAsync(context));
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [stalling.Endpoint.AbsoluteUri];
            o.NumRetries = 1;
            o.RetryDelay = TimeSpan.Zero;
            o.StallTimeout = TimeSpan.FromMilliseconds(200);
        });

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.GetImageAsync(ImageId).WaitAsync(Hang));

        Assert.Equal(2, stalling.Requests.Count);
        Assert.Equal(stalling.Endpoint, error.Context.Server);
        Assert.Contains("stall_timeout", error.Context.GlanceMessage);
    }

    [Fact]
    public async Task A_trickle_that_never_stalls_trips_the_minimum_transfer_rate()
    {
        // One byte every 20 ms (at most 50 bytes/s) never waits long enough for the stall timeout.
        var trickle = FakeGlanceBody.Trickle(ImageJson(ImageId) + new string(' ', 100_000), TimeSpan.FromMilliseconds(20));
        await using var trickling = await FakeGlance.StartAsync((context, _) => trickle.WriteAsync(context));
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [trickling.Endpoint.AbsoluteUri];
            o.NumRetries = 0;
            o.StallTimeout = TimeSpan.FromMinutes(1);
            o.MinTransferRate = 10_000;
            o.TransferRateWindow = TimeSpan.FromMilliseconds(300);
        });

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.GetImageAsync(ImageId).WaitAsync(Hang));

        Assert.Equal(trickling.Endpoint, error.Context.Server);
        Assert.Contains("min_transfer_rate", error.Context.GlanceMessage);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_and_is_not_retried()
    {
        var trickle = FakeGlanceBody.Trickle(ImageJson(ImageId) + new string(' ', 100_000), TimeSpan.FromMilliseconds(20));
        await using var trickling = await FakeGlance.StartAsync((context, _) => trickle.WriteAsync(context));
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [trickling.Endpoint.AbsoluteUri];
            o.NumRetries = 3;
            o.RetryDelay = TimeSpan.Zero;
            o.StallTimeout = TimeSpan.FromMinutes(1);
            o.MinTransferRate = 0;
            o.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.GetImageAsync(ImageId).WaitAsync(Hang));

        Assert.Contains("total_timeout", error.Message);
        Assert.Equal(ImageId, error.Context.ImageId);
        Assert.Single(trickling.Requests);
    }

    [Fact]
    public async Task A_metadata_answer_larger_than_max_response_size_is_a_server_error_read_no_further()
    {
        var answer = FakeGlanceBody.Repeated(ImageJson(ImageId)[..^1] + ",\"padding\":\"", _ => new string('x', 1024 * 1024 - 1), 64, "\"}");
        await using var huge = await FakeGlance.StartAsync((context, _) => answer.WriteAsync(context));
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [huge.Endpoint.AbsoluteUri];
            o.NumRetries = 3;
            o.RetryDelay = TimeSpan.Zero;
            o.MaxResponseSize = 64 * 1024;
        });

        var error = await Assert.ThrowsAsync<GlanceServerException>(() => host.Api.GetImageAsync(ImageId).WaitAsync(Hang));

        Assert.Equal(huge.Endpoint, error.Context.Server);
        Assert.Equal(ImageId, error.Context.ImageId);
        Assert.Contains("max_response_size", error.Message);
        Assert.Single(huge.Requests); // not transient
        Assert.True(answer.Served < answer.Length / 4, $"{answer.Served} bytes of a {answer.Length}-byte answer were sent");
    }

    [Fact]
    public async Task A_listing_with_a_limit_reads_only_the_images_it_needs_from_a_huge_page()
    {
        // A server that ignores limit=3 and answers with 100 MB of images.
        var padding = new string('p', 900);
        var page = FakeGlanceBody.Repeated(
            "{\"images\":[", i => ImageJson($"00000000-0000-4000-8000-{i:D12}")[..^1] + $",\"padding\":\"{padding}\"}}", 100_000,
            "],\"first\":\"/v2/images\",\"next\":\"/v2/images?marker=last\",\"schema\":\"/v2/schemas/images\"}");
        await using var huge = await FakeGlance.StartAsync((context, _) => page.WriteAsync(context));
        await using var host = ImageApiHost.Create(o => o.ApiServers = [huge.Endpoint.AbsoluteUri]);

        var images = await host.Api.ListImagesAsync(new ImageQuery { Limit = 3 }).ToListAsync().AsTask().WaitAsync(Hang);

        Assert.Equal(["00000000-0000-4000-8000-000000000000", "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"],
            images.Select(i => i.Id));
        Assert.Single(huge.Requests);
        Assert.True(page.Served < page.Length / 5, $"{page.Served} bytes of a {page.Length}-byte page were sent for 3 images");
    }

    [Fact]
    public async Task A_streamed_listing_follows_a_next_link_that_comes_before_the_images()
    {
        await using var glance = await FakeGlance.StartAsync((context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(context.Request.QueryString.Value!.Contains("marker=b", StringComparison.Ordinal)
                ? $$"""{"images":[{{ImageJson("c")}}],"schema":"/v2/schemas/images","first":"/v2/images"}"""
                : $$"""{"next":"/v2/images?marker=b","extra":{"nested":[1,{"images":[]}]},"images":[{{ImageJson("a")}},{{ImageJson("b")}}],"first":"/v2/images"}""");
        });
        await using var host = ImageApiHost.Create(o => o.ApiServers = [glance.Endpoint.AbsoluteUri]);

        var images = await host.Api.ListImagesAsync().ToListAsync().AsTask().WaitAsync(Hang);

        Assert.Equal(["a", "b", "c"], images.Select(i => i.Id));
        Assert.Equal(2, glance.Requests.Count);
    }

    [Fact]
    public async Task A_listing_cut_inside_an_image_is_a_server_error_naming_the_server()
    {
        var page = $$"""{"images":[{{ImageJson("a")}},{{ImageJson("b")}}]}""";
        await using var glance = await FakeGlance.AnsweringJsonAsync(page[..^20]);
        await using var host = ImageApiHost.Create(o => o.ApiServers = [glance.Endpoint.AbsoluteUri]);

        var error = await Assert.ThrowsAsync<GlanceServerException>(() => host.Api.ListImagesAsync().ToListAsync().AsTask().WaitAsync(Hang));

        Assert.Equal(glance.Endpoint, error.Context.Server);
    }
}
