using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NovaImage.TestSupport.V1Server;

/// <summary>
/// An in-process Glance v1 server (Kestrel on 127.0.0.1, a free port) that follows
/// <c>/work/shared/glance-api/v1.md</c>, quirks included (see README.md beside this file). No supported Glance
/// serves v1 any more, so this is what v1 clients are proven against. Images, data and members live in memory.
/// </summary>
public sealed class V1Server : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly V1Router router;
    private readonly HttpClient external;

    private V1Server(WebApplication app, V1Router router, HttpClient external, V1ServerOptions options, V1ServerFaults faults)
    {
        this.app = app;
        this.router = router;
        this.external = external;
        Options = options;
        Faults = faults;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>The endpoint root, e.g. <c>http://127.0.0.1:41234</c> (v1 is under <c>/v1</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>The configuration the server runs with.</summary>
    public V1ServerOptions Options { get; }

    /// <summary>Faults that can be switched on while the server runs.</summary>
    public V1ServerFaults Faults { get; }

    /// <summary>How many requests reached the server (any path, any outcome).</summary>
    public int RequestCount => router.RequestCount;

    /// <summary>Every request that reached the server, as <c>"METHOD /path?query"</c>, in arrival order.</summary>
    public IReadOnlyCollection<string> Requests => router.Requests;

    /// <summary>Starts a server; dispose it to stop.</summary>
    public static async Task<V1Server> StartAsync(V1ServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new V1ServerOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            // eventlet enforces max_header_line per line (V1Router checks it); Kestrel's own limits must not interfere.
            kestrel.Limits.MaxRequestHeadersTotalSize = 8 * 1024 * 1024;
            kestrel.Limits.MaxRequestBufferSize = null;
            kestrel.Limits.MaxRequestHeaderCount = 10_000;
            kestrel.Limits.MaxRequestLineSize = 1024 * 1024;
            kestrel.Limits.MaxRequestBodySize = null;
            // A Python 3 WSGI server reads and writes header bytes as Latin-1.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.ResponseHeaderEncodingSelector = _ => Encoding.Latin1;
        });
        var app = builder.Build();
        var external = new HttpClient();
        var state = new V1ServerState(options);
        var faults = new V1ServerFaults();
        var router = new V1Router(state, faults, new V1ImageHandlers(state, faults, external), new V1MemberHandlers(state));
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken);
        return new V1Server(app, router, external, options, faults);
    }

    /// <summary>An <see cref="HttpClient"/> on <see cref="Endpoint"/> that authenticates as <paramref name="identity"/> (dev token).</summary>
    public HttpClient CreateClient(GlanceIdentity identity, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = Endpoint;
        client.DefaultRequestHeaders.Add("X-Auth-Token", identity.Token);
        return client;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        external.Dispose();
    }
}
