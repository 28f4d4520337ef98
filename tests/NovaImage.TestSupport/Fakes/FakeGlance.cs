using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NovaImage.TestSupport.Fakes;

/// <summary>
/// A fake Glance, not Glance: Kestrel on 127.0.0.1 (a free port) answering every request with the test's handler,
/// for behaviour the real Glance never shows (redirects, foreign or looping <c>next</c> links, ...). It records every
/// request with the <c>X-Auth-Token</c> it carried, so a test can prove where a token went and how many requests a
/// client made. Also usable as a "foreign" server that must receive nothing.
/// </summary>
public sealed class FakeGlance : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeGlanceRequest> _requests = new();
    private WebApplication? _app;
    private int _count;

    private FakeGlance()
    {
    }

    /// <summary>The fake's root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request that reached the fake, in arrival order.</summary>
    public IReadOnlyList<FakeGlanceRequest> Requests => [.. _requests];

    /// <summary>
    /// Starts a fake answering each request with <paramref name="respond"/>, which is given the request's number
    /// (1 for the first) so that it can change its answer, e.g. to stop a client that would otherwise loop forever.
    /// </summary>
    public static async Task<FakeGlance> StartAsync(Func<HttpContext, int, Task> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        var fake = new FakeGlance();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Run(context =>
        {
            var request = context.Request;
            var token = request.Headers.TryGetValue("X-Auth-Token", out var values) ? values.ToString() : null;
            fake._requests.Enqueue(new FakeGlanceRequest(request.Method, request.Path + request.QueryString, token));
            return respond(context, Interlocked.Increment(ref fake._count));
        });
        await app.StartAsync();
        fake._app = app;
        fake.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return fake;
    }

    /// <summary>A fake that answers every request with 200 and <paramref name="json"/>.</summary>
    public static Task<FakeGlance> AnsweringJsonAsync(string json) => StartAsync((context, _) =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    });

    /// <summary>Stops the fake.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app!.StopAsync();
        await _app.DisposeAsync();
    }
}
