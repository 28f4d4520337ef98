using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaImage.Cli.Glance;

namespace NovaImage.Cli.Hosting;

/// <summary>
/// The library, set up the way an application sets it up: configuration (nova.conf or appsettings.json), then
/// <c>AddGlanceImageApi</c>, with clouds.yaml, the <c>OS_*</c> variables and the <c>--os-*</c> options over the file
/// (<see cref="OpenStackCloudConfiguration"/>), and NovaImage's own options and variables over everything.
/// </summary>
internal sealed class GlanceSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GlanceSession(ServiceProvider services)
    {
        _services = services;
        try
        {
            Images = services.GetRequiredService<CliImageApi>();   // builds the client's core: validates the options, as ValidateOnStart would in a host
        }
        catch (OptionsValidationException exception)
        {
            services.Dispose();
            throw new UsageException($"invalid Glance configuration: {string.Join("; ", exception.Failures)} " +
                "(give endpoints with --api-server URL, NOVAIMAGE_API_SERVERS, or --config FILE listing api_servers, or a cloud with --os-cloud; " +
                "a [glance] keystoneauth key is spelled the same in clouds.yaml, in OS_* and in --os-*: auth_url is OS_AUTH_URL and --os-auth-url)");
        }
        catch (GlanceConfigurationException)
        {
            services.Dispose(); // clouds.yaml or an OS_* variable could not be used; the message names which
            throw;
        }
    }

    /// <summary>The client: <see cref="IImageApi"/> and the CLI's extension calls (Glance's own documents).</summary>
    public CliImageApi Images { get; }

    public static GlanceSession Open(CliSettings settings)
    {
        var services = new ServiceCollection();
        // Library logs (requests, retries, fallbacks) only with --debug, on stderr; errors surface as exceptions.
        services.AddLogging(logging =>
        {
            if (!settings.Debug) return;
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddSimpleConsole(o => o.SingleLine = true);
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        services.AddGlanceImageApi<CliImageApi>(ConfigurationFile.Load(settings.ConfigFile), options =>
        {
            OpenStackCloudConfiguration.Apply(options, cloud: null, settings.OpenStackEnvironment);
            if (settings.ApiServers.Count > 0) options.ApiServers = [.. settings.ApiServers];
            if (settings.ApiVersion is { } version)
                options.ApiVersion = version == "auto" ? ApiVersion.Auto : (ApiVersion)int.Parse(version, System.Globalization.CultureInfo.InvariantCulture);
            if (settings.Token is { } token) options.Token = token;
            if (settings.StallTimeout is { } stall) options.StallTimeout = stall;
            if (settings.TotalTimeout is { } total) options.TotalTimeout = total;
        });
        return new GlanceSession(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
