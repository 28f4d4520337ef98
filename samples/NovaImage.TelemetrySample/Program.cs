// Exports NovaImage's traces and metrics with OpenTelemetry: a short session against a Glance (create, upload, list,
// show, a show of a missing image, download, delete), printed to the console; also sent over OTLP when
// OTEL_EXPORTER_OTLP_ENDPOINT is set. Glance and token come from NOVAIMAGE_GLANCE_URL and OS_AUTH_TOKEN (defaults:
// the dev Glance of scripts/glance-dev.sh on 127.0.0.1:9292 and its dev token for a test project).
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NovaImage;
using NovaImage.TelemetrySample;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

var glance = Environment.GetEnvironmentVariable("NOVAIMAGE_GLANCE_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:9292";
var token = Environment.GetEnvironmentVariable("OS_AUTH_TOKEN") is { Length: > 0 } t ? t : "11111111111111111111111111111111:alice:member,reader";
var otlp = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning); // the console is for the exported spans and metrics
builder.Services.AddGlanceImageApi(options =>
{
    options.ApiServers = [glance];
    options.Token = token;
});
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("NovaImage.TelemetrySample"))
    .WithTracing(tracing =>
    {
        // NovaImage's call and attempt spans, and under each attempt HttpClient's own span of the request.
        tracing.AddNovaImageInstrumentation().AddHttpClientInstrumentation().AddConsoleExporter();
        if (otlp) tracing.AddOtlpExporter();
    })
    .WithMetrics(metrics =>
    {
        metrics.AddNovaImageInstrumentation().AddConsoleExporter();
        if (otlp) metrics.AddOtlpExporter();
    });

using var host = builder.Build();
await host.StartAsync();
var images = host.Services.GetRequiredService<IImageApi>();

var data = RandomNumberGenerator.GetBytes(1024 * 1024);
var image = await images.CreateImageAsync(new ImageCreate { Name = "telemetry-sample", DiskFormat = "raw", ContainerFormat = "bare" });
try
{
    await images.UploadAsync(image.Id, new MemoryStream(data));
    await foreach (var _ in images.ListImagesAsync(new ImageQuery { Limit = 5 }))
    {
    }
    await images.GetImageAsync(image.Id);
    try
    {
        await images.GetImageAsync(Guid.NewGuid().ToString());
    }
    catch (ImageNotFoundException ex)
    {
        Console.Error.WriteLine($"expected: {ex.Message} (its span has status Error and error.type {ex.GetType().FullName})");
    }
    var result = await images.DownloadAsync(image.Id, Stream.Null);
    Console.Error.WriteLine($"downloaded {result.Bytes} bytes, verified: {result.Verification} ({result.VerifiedAlgorithm})");
}
finally
{
    await images.DeleteImageAsync(image.Id);
}

await host.StopAsync();
// Disposing the host (end of scope) flushes the exporters: the spans are printed as they end, the metrics once, here.
