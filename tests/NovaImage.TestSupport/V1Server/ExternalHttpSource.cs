using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NovaImage.TestSupport.V1Server;

/// <summary>
/// A plain HTTP server on loopback serving published blobs (GET and HEAD with Content-Length): the "external"
/// data that v1's <c>x-image-meta-location</c> and <c>x-glance-api-copy-from</c> point at.
/// </summary>
public sealed class ExternalHttpSource : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte[]> blobs;
    private readonly Uri root;

    private ExternalHttpSource(WebApplication app, ConcurrentDictionary<string, byte[]> blobs)
    {
        this.app = app;
        this.blobs = blobs;
        root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>Starts a source; dispose it to stop.</summary>
    public static async Task<ExternalHttpSource> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var blobs = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        app.Run(context => ServeAsync(context, blobs));
        await app.StartAsync(cancellationToken);
        return new ExternalHttpSource(app, blobs);
    }

    /// <summary>Serves <paramref name="data"/> at the returned URL.</summary>
    public Uri Publish(string name, byte[] data)
    {
        blobs[name] = data;
        return new Uri(root, "/blobs/" + Uri.EscapeDataString(name));
    }

    /// <summary>A URL on this source that answers 404.</summary>
    public Uri Missing(string name) => new(root, "/blobs/missing-" + Uri.EscapeDataString(name));

    private static async Task ServeAsync(HttpContext context, ConcurrentDictionary<string, byte[]> blobs)
    {
        var name = Uri.UnescapeDataString(context.Request.Path.Value?.Replace("/blobs/", "", StringComparison.Ordinal) ?? "");
        if (!blobs.TryGetValue(name, out var data))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = data.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(data);
    }

    /// <summary>Stops the source.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
