using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NovaImage.Core;
using NovaImage.TestSupport;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// A service provider built the way an application builds it (<c>AddGlanceImageApi</c>), with a request counter on
/// the Glance HttpClient and a FakeLogger collecting every log record.
/// </summary>
public sealed class ImageApiHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ImageApiHost(ServiceProvider provider, RequestLog counter, FakeLogCollector logs)
    {
        _provider = provider;
        Requests = counter;
        Logs = logs;
    }

    /// <summary>Every request the client sent (one entry per attempt).</summary>
    public RequestLog Requests { get; }

    /// <summary>Every log record.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>The client.</summary>
    public IImageApi Api => _provider.GetRequiredService<IImageApi>();

    /// <summary>The built-in client's core (servers in rotation order).</summary>
    public GlanceClientCore Core => _provider.GetRequiredKeyedService<GlanceClientCore>(typeof(GlanceImageApi));

    /// <summary>The container.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>A client configured in code for <paramref name="identity"/>.</summary>
    public static ImageApiHost Create(GlanceIdentity identity, ApiVersion version, params Uri[] servers) =>
        Create(o =>
        {
            o.ApiServers = [.. servers.Select(s => s.AbsoluteUri)];
            o.ApiVersion = version;
            o.Token = identity.Token;
            o.RetryDelay = TimeSpan.Zero;
        });

    /// <summary>A client configured by <paramref name="configure"/> only.</summary>
    public static ImageApiHost Create(Action<GlanceOptions> configure) => Build(s => s.AddGlanceImageApi(configure));

    /// <summary>A client bound from <paramref name="configuration"/>, then <paramref name="configure"/>.</summary>
    public static ImageApiHost Create(IConfiguration configuration, Action<GlanceOptions>? configure = null) =>
        Build(s => s.AddGlanceImageApi(configuration, configure));

    /// <summary>Registers the client with <paramref name="register"/>, adding the request counter and the fake logger.</summary>
    public static ImageApiHost Build(Func<IServiceCollection, IHttpClientBuilder> register)
    {
        var services = new ServiceCollection();
        var logs = new FakeLogCollector();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var counter = new RequestLog();
        register(services).AddHttpMessageHandler(() => new RequestCounter(counter));
        return new ImageApiHost(services.BuildServiceProvider(), counter, logs);
    }

    /// <summary>A loopback URL where nothing listens (a port bound, then released).</summary>
    public static Uri ClosedPort() => NovaImage.TestSupport.ClosedPort.Create();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
