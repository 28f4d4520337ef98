using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NovaImage.Core;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;
using NovaImage.Tests.ImageApi;

namespace NovaImage.Tests.Telemetry;

/// <summary>
/// The traces and metrics a service sees (docs/observability.md), against the real Glance. Each test reads only its
/// own measurements (a container of its own with its own <see cref="IMeterFactory"/>, or its own closed port in the
/// tags) and its own spans (<see cref="TraceRecorder"/>: the test's trace), so tests in parallel do not mix.
/// </summary>
public sealed class TelemetryTests
{
    private const int DataSize = 300_000;
    private static readonly string Token = GlanceIdentity.ProjectA.Token;

    [Fact]
    public async Task A_download_counts_the_image_size_in_bytes_and_one_verification()
    {
        await using var host = MeteredHost(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
            o.Token = Token;
        });
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var io = Collect<long>(meters, "novaimage.client.io");
        using var verifications = Collect<long>(meters, "novaimage.client.download.verifications");
        using var calls = Collect<long>(meters, "novaimage.client.calls");
        using var durations = Collect<double>(meters, "novaimage.client.call.duration");
        using var active = Collect<long>(meters, "novaimage.client.active_downloads");
        var data = RandomNumberGenerator.GetBytes(DataSize);

        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "telemetry-bytes", DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            await host.Api.UploadAsync(image.Id, new MemoryStream(data));
            using var copy = new MemoryStream();
            var result = await host.Api.DownloadAsync(image.Id, copy);
            Assert.Equal(DownloadVerification.Multihash, result.Verification);
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }

        Assert.Equal(DataSize, io.GetMeasurementSnapshot().Where(m => Tag(m.Tags, "network.io.direction") == "receive").Sum(m => m.Value));
        Assert.Equal(DataSize, io.GetMeasurementSnapshot().Where(m => Tag(m.Tags, "network.io.direction") == "transmit").Sum(m => m.Value));
        var verification = Assert.Single(verifications.GetMeasurementSnapshot());
        Assert.Equal("multihash", Tag(verification.Tags, "novaimage.download.verification"));
        Assert.Equal("http", Tag(verification.Tags, "novaimage.download.path"));
        // The download read its image record through the core: still one Download call, not two.
        var download = Assert.Single(calls.GetMeasurementSnapshot(), m => Tag(m.Tags, "novaimage.operation") == "Download");
        Assert.Equal("success", Tag(download.Tags, "novaimage.outcome"));
        Assert.Equal(new[] { "Create", "Upload", "Download", "Delete" }, calls.GetMeasurementSnapshot().Select(m => Tag(m.Tags, "novaimage.operation")));
        Assert.Equal(4, durations.GetMeasurementSnapshot().Count);
        Assert.All(durations.GetMeasurementSnapshot(), m => Assert.True(m.Value > 0));
        Assert.Equal(new[] { 1L, -1L }, active.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public async Task A_download_whose_data_does_not_verify_counts_a_failed_verification_and_its_span_says_so()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.FlipImageDataByte(DataSize / 2));
        using var trace = new TraceRecorder();
        await using var host = MeteredHost(o =>
        {
            o.ApiServers = [proxy.Endpoint.AbsoluteUri];
            o.Token = Token;
        });
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var verifications = Collect<long>(meters, "novaimage.client.download.verifications");
        using var calls = Collect<long>(meters, "novaimage.client.calls");

        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "telemetry-corrupt", DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            await host.Api.UploadAsync(image.Id, new MemoryStream(RandomNumberGenerator.GetBytes(DataSize)));
            await Assert.ThrowsAsync<ImageIntegrityException>(() => host.Api.DownloadAsync(image.Id, new MemoryStream()));
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }

        Assert.Equal("failed", Tag(Assert.Single(verifications.GetMeasurementSnapshot()).Tags, "novaimage.download.verification"));
        var download = Assert.Single(calls.GetMeasurementSnapshot(), m => Tag(m.Tags, "novaimage.operation") == "Download");
        Assert.Equal("failure", Tag(download.Tags, "novaimage.outcome"));
        Assert.Equal(typeof(ImageIntegrityException).FullName, Tag(download.Tags, "error.type"));
        var span = Assert.Single(trace.NovaImageSpans, s => s.OperationName == "Glance Download");
        Assert.Equal("failed", span.GetTagItem("novaimage.download.verification"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(ImageIntegrityException).FullName, span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_call_that_fails_over_counts_a_retry_and_a_failover_and_its_spans_say_why()
    {
        var closed = ClosedPort.Create();
        using var trace = new TraceRecorder();
        await using var host = MeteredHost(o =>
        {
            o.ApiServers = [closed.AbsoluteUri, GlanceServer.Endpoint.AbsoluteUri];
            o.NumRetries = 1;
            o.RetryDelay = TimeSpan.Zero;
            o.FailedServerCooldown = TimeSpan.Zero; // strict rotation: of two calls in a row, at least one meets the closed port first
            o.Token = Token;
        });
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var retries = Collect<long>(meters, "novaimage.client.retries");
        using var failovers = Collect<long>(meters, "novaimage.client.failovers");

        await host.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).ToListAsync();
        await host.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).ToListAsync();

        var failedAttempts = host.Requests.To(closed);
        Assert.InRange(failedAttempts, 1, 2);
        Assert.Equal(failedAttempts, retries.GetMeasurementSnapshot().Count);
        Assert.All(retries.GetMeasurementSnapshot(), m =>
        {
            Assert.Equal(closed.Port, m.Tags["server.port"]);
            Assert.Equal("connection_error", Tag(m.Tags, "error.type"));
        });
        Assert.Equal(failedAttempts, failovers.GetMeasurementSnapshot().Count);
        Assert.All(failovers.GetMeasurementSnapshot(), m => Assert.Equal(closed.Port, m.Tags["server.port"]));

        var attempts = trace.NovaImageSpans.Where(s => s.GetTagItem("novaimage.attempt") is not null).ToList();
        var failed = attempts.Where(s => Equals(s.GetTagItem("server.port"), closed.Port)).ToList();
        Assert.Equal(failedAttempts, failed.Count);
        Assert.All(failed, s =>
        {
            Assert.Equal(ActivityStatusCode.Error, s.Status);
            Assert.Equal("connection_error", s.GetTagItem("error.type"));
            Assert.Contains(s.Events, e => e.Name == "exception");
        });
        var retried = attempts.Where(s => Equals(s.GetTagItem("novaimage.failover"), true)).ToList();
        Assert.Equal(failedAttempts, retried.Count);
        Assert.All(retried, s =>
        {
            Assert.Equal(2, s.GetTagItem("novaimage.attempt"));
            Assert.Equal(GlanceServer.Endpoint.Port, s.GetTagItem("server.port"));
            Assert.Contains(closed.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)s.GetTagItem("novaimage.retry.reason")!);
            Assert.Equal(ActivityStatusCode.Unset, s.Status);
        });
    }

    [Fact]
    public async Task Spans_name_the_server_and_the_status_and_never_the_token()
    {
        using var trace = new TraceRecorder();
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
            o.Token = Token;
        });
        var missing = Guid.NewGuid().ToString();
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "telemetry-spans", DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            await host.Api.UploadAsync(image.Id, new MemoryStream(RandomNumberGenerator.GetBytes(DataSize)));
            await host.Api.GetImageAsync(image.Id);
            await Assert.ThrowsAsync<ImageNotFoundException>(() => host.Api.GetImageAsync(missing));
            await host.Api.DownloadAsync(image.Id, new MemoryStream());
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }

        var spans = trace.NovaImageSpans;
        var show = Assert.Single(spans, s => s.OperationName == "Glance Show" && Equals(s.GetTagItem("novaimage.image.id"), image.Id));
        Assert.Equal(GlanceServer.Endpoint.Host, show.GetTagItem("server.address"));
        Assert.Equal(GlanceServer.Endpoint.Port, show.GetTagItem("server.port"));
        Assert.Equal("v2", show.GetTagItem("novaimage.api.version"));
        var showAttempt = Assert.Single(trace.ChildrenOf(show));
        Assert.Equal(1, showAttempt.GetTagItem("novaimage.attempt"));
        Assert.Equal("GET", showAttempt.GetTagItem("http.request.method"));
        Assert.Equal(200, showAttempt.GetTagItem("http.response.status_code"));
        Assert.Equal(new Uri(GlanceServer.Endpoint, $"v2/images/{image.Id}").AbsoluteUri, showAttempt.GetTagItem("url.full"));

        var notFound = Assert.Single(spans, s => s.OperationName == "Glance Show" && Equals(s.GetTagItem("novaimage.image.id"), missing));
        Assert.Equal(ActivityStatusCode.Error, notFound.Status);
        Assert.Equal(typeof(ImageNotFoundException).FullName, notFound.GetTagItem("error.type"));
        Assert.Equal(404, notFound.GetTagItem("http.response.status_code"));
        Assert.Contains(notFound.Events, e => e.Name == "exception");
        Assert.Equal("404", Assert.Single(trace.ChildrenOf(notFound)).GetTagItem("error.type"));

        // One span for the whole download (its image record and its data are attempts under it).
        var download = Assert.Single(spans, s => s.OperationName == "Glance Download");
        Assert.Equal("multihash", download.GetTagItem("novaimage.download.verification"));
        Assert.Equal((long)DataSize, download.GetTagItem("novaimage.download.bytes"));
        var downloadAttempts = trace.ChildrenOf(download);
        Assert.Equal(2, downloadAttempts.Count);
        Assert.All(downloadAttempts, a => Assert.Equal("Glance Download attempt", a.OperationName));

        // HttpClient's own spans sit under the attempts: an attempt span adds to them, it does not duplicate them.
        var httpSpans = trace.Spans.Where(s => s.Source.Name == "System.Net.Http").ToList();
        Assert.NotEmpty(httpSpans);
        var attemptIds = spans.Where(s => s.GetTagItem("novaimage.attempt") is not null).Select(s => s.SpanId).ToHashSet();
        Assert.All(httpSpans, h => Assert.Contains(h.ParentSpanId, attemptIds));

        foreach (var span in trace.Spans)
        {
            var texts = span.TagObjects.Select(t => t.Value?.ToString())
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString())))
                .Append(span.DisplayName).Append(span.StatusDescription);
            Assert.DoesNotContain(texts, text => text is not null && text.Contains(Token, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_client_built_without_dependency_injection_emits_on_the_shared_meter()
    {
        var closed = ClosedPort.Create();
        using var retries = new MetricCollector<long>(null!, NovaImageTelemetry.MeterName, "novaimage.client.retries");
        using var trace = new TraceRecorder();
        using var api = GlanceImageApi.Create(new GlanceOptions
        {
            ApiServers = [closed.AbsoluteUri, GlanceServer.Endpoint.AbsoluteUri],
            NumRetries = 1,
            RetryDelay = TimeSpan.Zero,
            FailedServerCooldown = TimeSpan.Zero,
            Token = Token,
        });

        await api.ListImagesAsync(new ImageQuery { Limit = 1 }).ToListAsync();
        await api.ListImagesAsync(new ImageQuery { Limit = 1 }).ToListAsync();

        // Other tests share this meter: only retries from this test's own closed port are its.
        Assert.Contains(retries.GetMeasurementSnapshot(), m => Equals(m.Tags["server.port"], closed.Port));
        Assert.Equal(2, trace.NovaImageSpans.Count(s => s.OperationName == "Glance List"));
    }

    [Fact]
    public void Recorded_urls_carry_no_user_info_and_no_query_values()
    {
        Assert.Equal("http://glance.example:9292/v2/images?name=*&limit=*&marker",
            GlanceTelemetry.RedactedUrl(new Uri("http://admin:s3cret@glance.example:9292/v2/images?name=private-name&limit=5&marker")));
    }

    private static ImageApiHost MeteredHost(Action<GlanceOptions> configure) =>
        ImageApiHost.Build(services => services.AddMetrics().AddGlanceImageApi(configure));

    private static MetricCollector<T> Collect<T>(IMeterFactory meters, string instrument) where T : struct =>
        new(meters, NovaImageTelemetry.MeterName, instrument);

    private static string? Tag(IReadOnlyDictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value as string : null;
}
