using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NovaImage.TestSupport.Proxy;

/// <summary>
/// A loopback HTTP reverse proxy in front of the real Glance that can cut the connection in the middle of a response
/// body, the one fault a real server will not produce on demand. Every request is relayed unchanged (headers, body,
/// status) and recorded; a rule decides, per request, after how many response-body bytes to abort the connection.
/// A request is recorded when it arrives and its record is updated before each thing the client can observe (the
/// status, every body chunk, the cut), so a test that reads <see cref="Requests"/> after the client saw a response,
/// or its cut, always finds that request recorded at least that far. It can be stopped (a server going down: connections
/// cut, the port closed) and restarted on the same port.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE", "Trailer", "Host",
    };

    private readonly HttpClient _upstream;
    private readonly Func<HttpRequest, int, ProxyFault?> _fault;
    private readonly Lock _gate = new();
    private readonly List<ProxiedRequest> _requests = [];
    private readonly ConcurrentDictionary<string, int> _seen = new();
    private WebApplication? _app;

    private FaultInjectingProxy(Uri upstream, Func<HttpRequest, int, ProxyFault?> fault)
    {
        _fault = fault;
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = upstream,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The proxy's own endpoint (use it instead of Glance's).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order, as far as each has been answered.</summary>
    public IReadOnlyList<ProxiedRequest> Requests
    {
        get
        {
            lock (_gate) return [.. _requests];
        }
    }

    /// <summary>
    /// Starts a proxy to <paramref name="upstream"/>. <paramref name="fault"/> gets each request and how many earlier
    /// requests had the same method and path (0 for the first), and returns the fault to inject into its response,
    /// or null to relay it whole.
    /// </summary>
    public static async Task<FaultInjectingProxy> StartAsync(Uri upstream, Func<HttpRequest, int, ProxyFault?> fault)
    {
        var proxy = new FaultInjectingProxy(upstream, fault);
        proxy.Endpoint = await proxy.ListenAsync("http://127.0.0.1:0").ConfigureAwait(false);
        return proxy;
    }

    /// <summary>
    /// Stops listening, as a server that goes down does: connections in flight are cut, new ones are refused (the port
    /// is closed) until <see cref="RestartAsync"/>. The request record and the per-path counts are kept.
    /// </summary>
    public async Task StopAsync()
    {
        var app = _app ?? throw new InvalidOperationException("The proxy is not running.");
        _app = null;
        // A cancelled token makes the server abort what is in flight instead of waiting for it to finish.
        await app.StopAsync(new CancellationToken(canceled: true)).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Listens again on the same <see cref="Endpoint"/> after <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync()
    {
        if (_app is not null) throw new InvalidOperationException("The proxy is running.");
        await ListenAsync(Endpoint.AbsoluteUri).ConfigureAwait(false);
    }

    private async Task<Uri> ListenAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.Run(RelayAsync);
        await app.StartAsync().ConfigureAwait(false);
        _app = app;
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Cuts every response whose path ends with <c>/file</c> (image data) after <paramref name="bytes"/> body bytes, for the first <paramref name="times"/> such requests.</summary>
    public static Func<HttpRequest, int, ProxyFault?> CutImageData(long bytes, int times = int.MaxValue) =>
        (request, index) => request.Path.Value!.EndsWith("/file", StringComparison.Ordinal) && index < times ? new ProxyFault(bytes, Stall: false) : null;

    /// <summary>Stops sending (without closing) every <c>/file</c> response after <paramref name="bytes"/> body bytes, for the first <paramref name="times"/> such requests.</summary>
    public static Func<HttpRequest, int, ProxyFault?> StallImageData(long bytes, int times = int.MaxValue) =>
        (request, index) => request.Path.Value!.EndsWith("/file", StringComparison.Ordinal) && index < times ? new ProxyFault(bytes, Stall: true) : null;

    /// <summary>Inverts the byte at <paramref name="offset"/> of every <c>/file</c> response (image data) and relays the rest unchanged, for the first <paramref name="times"/> such requests.</summary>
    public static Func<HttpRequest, int, ProxyFault?> FlipImageDataByte(long offset, int times = int.MaxValue) =>
        (request, index) => request.Path.Value!.EndsWith("/file", StringComparison.Ordinal) && index < times ? new ProxyFault(offset, Stall: false, Flip: true) : null;

    /// <summary>
    /// Answers <c>503 Service Unavailable</c> (without relaying) to the first <paramref name="times"/> requests of each
    /// method and path; with <paramref name="afterBody"/>, only once the whole request body has arrived.
    /// </summary>
    public static Func<HttpRequest, int, ProxyFault?> ServiceUnavailable(int times = int.MaxValue, bool afterBody = false) =>
        (_, index) => index < times ? new ProxyFault(0, Stall: false, Status: 503, ReadBody: afterBody) : null;

    private async Task RelayAsync(HttpContext context)
    {
        var request = context.Request;
        var key = $"{request.Method} {request.Path}";
        var index = _seen.AddOrUpdate(key, 0, (_, n) => n + 1);
        var fault = _fault(request, index);
        // Recorded before anything is relayed: the client cannot see an answer (or a cut) the record does not show yet.
        var entry = Record(new ProxiedRequest(request.Method, request.Path + request.QueryString,
            request.Headers.Range.ToString() is { Length: > 0 } range ? range : null, Status: null, BodyBytesSent: 0, Cut: false));

        if (fault is { Status: { } status })
        {
            if (fault.ReadBody)
            {
                var received = 0L;
                var chunk = new byte[64 * 1024];
                int n;
                while ((n = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0) received += n;
                Update(entry, r => r with { RequestBodyBytes = received });
            }

            Update(entry, r => r with { Status = status });
            context.Response.StatusCode = status;
            return;
        }

        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            outgoing.Content = new StreamContent(request.Body);
        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                outgoing.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }

        using var response = await _upstream.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        Update(entry, r => r with { Status = (int)response.StatusCode });
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
        }

        var sent = 0L;
        var buffer = new byte[64 * 1024];
        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
        int read;
        while ((read = await body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (fault is { Flip: true } flip)
            {
                if (flip.AfterBytes >= sent && flip.AfterBytes < sent + read) buffer[flip.AfterBytes - sent] ^= 0xFF;
                sent += read;
                Update(entry, r => r with { BodyBytesSent = sent });
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted).ConfigureAwait(false);
                continue;
            }
            var n = fault is { } f ? (int)Math.Min(read, f.AfterBytes - sent) : read;
            sent += n;
            var cut = fault is { } limit && sent >= limit.AfterBytes;
            // Counted (and marked cut) before the bytes go out, for the same reason as the record itself.
            Update(entry, r => r with { BodyBytesSent = sent, Cut = cut });
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, n), context.RequestAborted).ConfigureAwait(false);
            if (!cut) continue;

            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            if (fault!.Stall)
            {
                // Hold the connection open and silent until the client gives up on it.
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }

            context.Abort();
            return;
        }
    }

    private int Record(ProxiedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            return _requests.Count - 1;
        }
    }

    private void Update(int entry, Func<ProxiedRequest, ProxiedRequest> change)
    {
        lock (_gate) _requests[entry] = change(_requests[entry]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _upstream.Dispose();
    }
}
