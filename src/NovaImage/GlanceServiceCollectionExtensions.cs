using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaImage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers NovaImage clients with dependency injection. Each client type gets its own options, core and
/// <see cref="HttpClient"/>, so two registrations (say, one per project) never share an identity;
/// <see cref="IImageApi"/> resolves to the first client registered.
/// </summary>
public static class GlanceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IImageApi"/> (the built-in generated <see cref="GlanceImageApi"/>), its options bound
    /// from <paramref name="configuration"/> (appsettings <c>Glance</c> section or nova.conf <c>[glance]</c> and
    /// <c>[image_file_url]</c>) and validated at start, logging, and the client's <see cref="HttpClient"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root holding the <c>Glance</c> / <c>[glance]</c> section.</param>
    /// <param name="configure">Applied after binding, e.g. to set a token or shorten the retry delay.</param>
    /// <returns>
    /// The client's <see cref="HttpClient"/> builder, so callers can add handlers. The primary handler is NovaImage's
    /// (TLS as configured, no automatic redirects, so the token never follows a redirect to another server); a primary
    /// handler put in its place that follows redirects makes every call fail with
    /// <see cref="GlanceConfigurationException"/> before anything is sent.
    /// </returns>
    public static IHttpClientBuilder AddGlanceImageApi(this IServiceCollection services, IConfiguration configuration, Action<GlanceOptions>? configure = null) =>
        services.AddGlanceImageApi<GlanceImageApi>(configuration, configure);

    /// <summary>As <see cref="AddGlanceImageApi(IServiceCollection, IConfiguration, Action{GlanceOptions}?)"/>, options from code only.</summary>
    public static IHttpClientBuilder AddGlanceImageApi(this IServiceCollection services, Action<GlanceOptions> configure) =>
        services.AddGlanceImageApi<GlanceImageApi>(configure);

    /// <summary>
    /// Registers a generated client: <typeparamref name="TClient"/> is a <c>[GlanceImageApi] partial class</c> (with
    /// its project's direct-store adapters), registered as itself and, when it is the first client registered, as
    /// <see cref="IImageApi"/>. Its options are the named options <see cref="OptionsName{TClient}"/>.
    /// </summary>
    public static IHttpClientBuilder AddGlanceImageApi<TClient>(this IServiceCollection services, IConfiguration configuration, Action<GlanceOptions>? configure = null)
        where TClient : class, IImageApi, IGeneratedImageApi<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GlanceOptions>(OptionsName<TClient>()).Configure(options => GlanceOptionsBinder.Bind(configuration, options));
        return services.AddGlanceImageApi<TClient>(configure ?? (static _ => { }));
    }

    /// <summary>As <see cref="AddGlanceImageApi{TClient}(IServiceCollection, IConfiguration, Action{GlanceOptions}?)"/>, options from code only.</summary>
    public static IHttpClientBuilder AddGlanceImageApi<TClient>(this IServiceCollection services, Action<GlanceOptions> configure)
        where TClient : class, IImageApi, IGeneratedImageApi<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var name = OptionsName<TClient>();
        var key = typeof(TClient);
        services.AddOptions<GlanceOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GlanceOptions>, GlanceOptionsValidator>());
        services.AddLogging();
        services.TryAddKeyedSingleton(key, (sp, _) => new GlanceClientCore(
            sp.GetRequiredService<IOptionsMonitor<GlanceOptions>>().Get(name),
            TClient.DirectStoreAdapters,
            core =>
            {
                var factory = sp.GetRequiredService<IHttpClientFactory>();
                return server => core.Configure(factory.CreateClient(name), server);
            },
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<TimeProvider>(),
            meterFactory: sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => TClient.Create(sp.GetRequiredKeyedService<GlanceClientCore>(key)));
        services.TryAddSingleton<IImageApi>(sp => sp.GetRequiredService<TClient>());
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredKeyedService<GlanceClientCore>(key).CreatePrimaryHandler())
            .AddHttpMessageHandler(sp =>
            {
                var core = sp.GetRequiredKeyedService<GlanceClientCore>(key);
                return new AuthTokenHandler(core.TokenProvider, core.Endpoints);
            })
            .AddHttpMessageHandler(() => new AttemptTelemetryHandler())
            .AddHttpMessageHandler(sp => new BoundedResponseHandler(sp.GetRequiredKeyedService<GlanceClientCore>(key).Bounds));
    }

    /// <summary>
    /// The name of <typeparamref name="TClient"/>'s options (<see cref="IOptionsMonitor{TOptions}.Get(string)"/>) and of
    /// its <see cref="HttpClient"/> (<see cref="IHttpClientFactory"/>).
    /// </summary>
    public static string OptionsName<TClient>() => "NovaImage.Glance:" + typeof(TClient).FullName;
}
