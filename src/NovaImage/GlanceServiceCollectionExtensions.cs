using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaImage;
using NovaImage.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NovaImage's <see cref="IImageApi"/> with dependency injection.</summary>
public static class GlanceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IImageApi"/> (the built-in generated <see cref="GlanceImageApi"/>), its options bound
    /// from <paramref name="configuration"/> (appsettings <c>Glance</c> section or nova.conf <c>[glance]</c> and
    /// <c>[image_file_url]</c>) and validated at start, logging, and the Glance <see cref="HttpClient"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root holding the <c>Glance</c> / <c>[glance]</c> section.</param>
    /// <param name="configure">Applied after binding, e.g. to set a token or shorten the retry delay.</param>
    /// <returns>The Glance <see cref="HttpClient"/>'s builder, so callers can add handlers.</returns>
    public static IHttpClientBuilder AddGlanceImageApi(this IServiceCollection services, IConfiguration configuration, Action<GlanceOptions>? configure = null) =>
        services.AddGlanceImageApi<GlanceImageApi>(configuration, configure);

    /// <summary>As <see cref="AddGlanceImageApi(IServiceCollection, IConfiguration, Action{GlanceOptions}?)"/>, options from code only.</summary>
    public static IHttpClientBuilder AddGlanceImageApi(this IServiceCollection services, Action<GlanceOptions> configure) =>
        services.AddGlanceImageApi<GlanceImageApi>(configure);

    /// <summary>
    /// Registers a generated client: <typeparamref name="TClient"/> is a <c>[GlanceImageApi] partial class</c> of
    /// the calling project (with that project's direct-store adapters); it is registered as itself and as <see cref="IImageApi"/>.
    /// </summary>
    public static IHttpClientBuilder AddGlanceImageApi<TClient>(this IServiceCollection services, IConfiguration configuration, Action<GlanceOptions>? configure = null)
        where TClient : class, IImageApi, IGeneratedImageApi<TClient>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GlanceOptions>().Configure(options => GlanceOptionsBinder.Bind(configuration, options));
        return services.AddGlanceImageApi<TClient>(configure ?? (static _ => { }));
    }

    /// <summary>As <see cref="AddGlanceImageApi{TClient}(IServiceCollection, IConfiguration, Action{GlanceOptions}?)"/>, options from code only.</summary>
    public static IHttpClientBuilder AddGlanceImageApi<TClient>(this IServiceCollection services, Action<GlanceOptions> configure)
        where TClient : class, IImageApi, IGeneratedImageApi<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GlanceOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GlanceOptions>, GlanceOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton<ServerInfoCache>();
        services.TryAddSingleton(sp => new GlanceTransport(
            sp.GetRequiredService<IOptions<GlanceOptions>>(), sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<ServerInfoCache>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(sp => TClient.Create(sp.GetRequiredService<GlanceTransport>()));
        services.TryAddSingleton<IImageApi>(sp => sp.GetRequiredService<TClient>());
        services.TryAddTransient<AuthTokenHandler>();
        return services.AddHttpClient(GlanceTransport.HttpClientName, (sp, http) =>
            {
                if (sp.GetRequiredService<IOptions<GlanceOptions>>().Value.Timeout is { } timeout) http.Timeout = timeout;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => TlsHandlerFactory.Create(sp.GetRequiredService<IOptions<GlanceOptions>>().Value))
            .AddHttpMessageHandler<AuthTokenHandler>();
    }
}
