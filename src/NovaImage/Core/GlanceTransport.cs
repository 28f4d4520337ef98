using System.ComponentModel;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaImage.Core;
using Polly;
using Polly.Retry;
using Refit;

namespace NovaImage.Core;

/// <summary>
/// The plumbing under every generated <see cref="IImageApi"/> client: endpoint rotation, Nova's retry rules,
/// version selection and feature gating, error translation. Generated code calls it; applications use
/// <see cref="IImageApi"/> and never need this type directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GlanceTransport
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for Glance calls.</summary>
    public const string HttpClientName = "NovaImage.Glance";

    private static readonly ResiliencePropertyKey<Uri> ServerKey = new("NovaImage.Server");
    private static readonly ResiliencePropertyKey<ImageOperation> OperationKey = new("NovaImage.Operation");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ServerInfoCache _serverInfo;
    private readonly ILogger _logger;
    private readonly ServerRotation _servers;
    private readonly ResiliencePipeline _retrying;
    private readonly int _attempts;
    private Task<ApiVersion>? _version;

    internal GlanceTransport(IOptions<GlanceOptions> options, IHttpClientFactory httpClientFactory, ServerInfoCache serverInfo, ILoggerFactory loggerFactory)
    {
        Options = options.Value;
        LoggerFactory = loggerFactory;
        var logger = loggerFactory.CreateLogger<GlanceTransport>();
        _httpClientFactory = httpClientFactory;
        _serverInfo = serverInfo;
        _logger = logger;
        _servers = new ServerRotation(ResolveEndpoints(Options, logger), Random.Shared);
        _attempts = Options.NumRetries + 1;
        _retrying = BuildRetryPipeline(Options, logger);
    }

    /// <summary>The validated options this client was built from.</summary>
    public GlanceOptions Options { get; }

    /// <summary>Where the runtime's parts (e.g. the download pipeline) get their loggers.</summary>
    internal ILoggerFactory LoggerFactory { get; }

    /// <summary>The endpoints in their (shuffled once) rotation order.</summary>
    public IReadOnlyList<Uri> Servers => _servers.Servers;

    /// <summary>The API version in use: the configured one, or for Auto the one chosen from the first versions document read.</summary>
    public ValueTask<ApiVersion> GetApiVersionAsync(CancellationToken cancellationToken)
    {
        if (Options.ApiVersion != ApiVersion.Auto) return new(Options.ApiVersion);
        var task = _version;
        if (task is null || task.IsFaulted || task.IsCanceled)
        {
            // Shared by every caller: one caller's cancellation must not cancel the others' selection (each waits with its own token).
            var fresh = SelectVersionAsync(CancellationToken.None);
            task = Interlocked.CompareExchange(ref _version, fresh, task) == task ? fresh : _version!;
        }
        return new(task.WaitAsync(cancellationToken));
    }

    /// <summary>The versions document of the next endpoint (read once per endpoint, then cached).</summary>
    public Task<IReadOnlyList<ApiVersionInfo>> GetVersionsAsync(CancellationToken cancellationToken) =>
        ExecuteHttpAsync(ImageOperation.Versions, null, true,
            (server, http, ct) => _serverInfo.GetVersionsAsync(server, () => ReadVersionsAsync(http, ct)), cancellationToken);

    /// <summary>Whether the server offers <paramref name="feature"/>: its versions document, then a probe where needed.</summary>
    public async Task<bool> IsFeatureSupportedAsync(GlanceFeature feature, CancellationToken cancellationToken) =>
        await FeatureProblemAsync(feature, cancellationToken).ConfigureAwait(false) is null;

    /// <summary>Throws <see cref="FeatureNotSupportedException"/> when the server does not offer <paramref name="feature"/>.</summary>
    public async Task RequireFeatureAsync(GlanceFeature feature, ImageOperation operation, string? imageId, CancellationToken cancellationToken)
    {
        if (await FeatureProblemAsync(feature, cancellationToken).ConfigureAwait(false) is { } problem)
            throw new FeatureNotSupportedException($"Glance {operation}: {problem}", new GlanceErrorContext(imageId, _servers.Servers[0]));
    }

    /// <summary>The error for an operation the version in use cannot express (raised before anything is sent).</summary>
    public FeatureNotSupportedException NotSupported(ImageOperation operation, ApiVersion version, string? imageId, string reason) =>
        new($"Glance {operation} is not available through API {version}: {reason}", new GlanceErrorContext(imageId, _servers.Servers[0]));

    /// <summary>
    /// Runs one call against the next endpoint, with Nova's retry rules (connection failures, timeouts and 503 are
    /// retried on the next endpoint, <c>num_retries + 1</c> attempts in all; nothing else is) and error translation.
    /// </summary>
    /// <param name="operation">The operation, for logs and errors.</param>
    /// <param name="imageId">The image concerned, for errors (null for list-level calls).</param>
    /// <param name="replayable">False when the request body cannot be sent again (a non-seekable upload): one attempt only.</param>
    /// <param name="call">The call, given the version's Refit client for the chosen endpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TResult> ExecuteAsync<TApi, TResult>(ImageOperation operation, string? imageId, bool replayable,
        Func<TApi, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken) where TApi : class =>
        ExecuteHttpAsync(operation, imageId, replayable, (_, http, ct) => call(GlanceApiFactory.Create<TApi>(http), ct), cancellationToken);

    /// <summary>As <see cref="ExecuteAsync{TApi, TResult}"/>, for calls with no result.</summary>
    public Task ExecuteAsync<TApi>(ImageOperation operation, string? imageId, bool replayable,
        Func<TApi, CancellationToken, Task> call, CancellationToken cancellationToken) where TApi : class =>
        ExecuteHttpAsync(operation, imageId, replayable,
            async (_, http, ct) => { await call(GlanceApiFactory.Create<TApi>(http), ct).ConfigureAwait(false); return true; }, cancellationToken);

    /// <summary>As <see cref="ExecuteAsync{TApi, TResult}"/>, also giving the call its endpoint (to resolve relative links).</summary>
    internal Task<TResult> ExecuteWithServerAsync<TApi, TResult>(ImageOperation operation, string? imageId, bool replayable,
        Func<TApi, Uri, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken) where TApi : class =>
        ExecuteHttpAsync(operation, imageId, replayable, (server, http, ct) => call(GlanceApiFactory.Create<TApi>(http), server, ct), cancellationToken);

    internal async Task<T> ExecuteHttpAsync<T>(ImageOperation operation, string? imageId, bool replayable,
        Func<Uri, HttpClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        Uri? server = null;
        var attempts = 0;
        try
        {
            var pipeline = replayable ? _retrying : ResiliencePipeline.Empty;
            return await pipeline.ExecuteAsync(async ctx =>
            {
                server = _servers.Next();
                attempts++;
                ctx.Properties.Set(ServerKey, server);
                var http = CreateHttpClient(server);
                return await call(server, http, ctx.CancellationToken).ConfigureAwait(false);
            }, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            if (!replayable && _attempts > 1) GlanceLog.NotReplayable(_logger, server!);
            GlanceLog.DoneTrying(_logger, operation, server!, GlanceErrorTranslator.Cause(ex), attempts);
            throw GlanceErrorTranslator.ConnectionFailed(operation, imageId, server, attempts, ex);
        }
        catch (ApiException ex)
        {
            throw GlanceErrorTranslator.FromApiException(operation, imageId, server, ex);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is { } status)
        {
            throw GlanceErrorTranslator.FromResponse(operation, imageId, server, status, null, null, ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new GlanceServerException($"Glance {operation}: the answer could not be read ({ex.Message})", new GlanceErrorContext(imageId, server), ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The next endpoint and the version's client for it (for callers that run their own attempts, like downloads).</summary>
    internal (Uri Server, TApi Api) NextApi<TApi>() where TApi : class
    {
        var server = _servers.Next();
        return (server, GlanceApiFactory.Create<TApi>(CreateHttpClient(server)));
    }

    private HttpClient CreateHttpClient(Uri server)
    {
        var http = _httpClientFactory.CreateClient(HttpClientName);
        http.BaseAddress = server;
        return http;
    }

    /// <summary>Nova retries connection failures, timeouts and 503, never any other status (nova-glance-config.md §3).</summary>
    internal static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        // Refit wraps what HttpClient threw before any response arrived.
        ApiRequestException { InnerException: { } inner } => IsTransient(inner, callerToken),
        ApiException api => api.StatusCode == HttpStatusCode.ServiceUnavailable,
        HttpRequestException http => http.StatusCode is null or HttpStatusCode.ServiceUnavailable,
        TimeoutException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    private static ResiliencePipeline BuildRetryPipeline(GlanceOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.NumRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.NumRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsTransient(ex, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    GlanceLog.Retrying(logger, args.Context.Properties.GetValue(OperationKey, default), args.Context.Properties.GetValue(ServerKey, null!),
                        GlanceErrorTranslator.Cause(args.Outcome.Exception!), args.AttemptNumber + 2, options.NumRetries + 1);
                    return default;
                },
            });
        }
        return builder.Build();
    }

    private static IEnumerable<Uri> ResolveEndpoints(GlanceOptions options, ILogger logger)
    {
        if (options.ApiServers.Count > 0)
        {
            return options.ApiServers.Select(entry => GlanceEndpoints.TryParse(entry, out var uri, out var problem)
                ? uri
                : throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(GlanceOptions), [$"[glance] api_servers: {problem}"])).ToList();
        }
#pragma warning disable CS0618 // honouring the deprecated options is the point here
        var endpoint = ConfigFiles.ApiServerAddress.FromLegacyOptions(options.Protocol, options.Host ?? "", options.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var used = string.Join("/", new[] { options.Host is null ? null : "host", options.Port is null ? null : "port", options.Protocol is null ? null : "protocol" }.OfType<string>());
#pragma warning restore CS0618
        GlanceLog.DeprecatedOptions(logger, used, $"api_servers = {endpoint}", endpoint);
        return GlanceEndpoints.TryParse(endpoint, out var parsed, out var why)
            ? [parsed]
            : throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(GlanceOptions), [$"[glance] host/port/protocol: {why}"]);
    }

    private async Task<ApiVersion> SelectVersionAsync(CancellationToken cancellationToken)
    {
        var versions = await GetVersionsAsync(cancellationToken).ConfigureAwait(false);
        var chosen = VersionsDocument.HighestMajor(versions)
            ?? throw new FeatureNotSupportedException(
                $"Glance advertises no CURRENT or SUPPORTED API version this client speaks ({string.Join(", ", versions.Select(v => $"{v.Id} {v.Status}"))}); set [glance] api_version explicitly",
                new GlanceErrorContext(Server: _servers.Servers[0]));
        GlanceLog.VersionSelected(_logger, chosen, _servers.Servers[0], $"highest CURRENT/SUPPORTED major of {versions.Count} advertised version(s)");
        return chosen;
    }

    private static async Task<IReadOnlyList<ApiVersionInfo>> ReadVersionsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        // Glance answers GET /versions with 200 and GET / with 300 Multiple Choices; both carry the document.
        foreach (var path in new[] { "versions", "" })
        {
            using var response = await http.GetAsync(Relative(http, path), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound && path.Length > 0) continue;
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.MultipleChoices)
            {
                throw new HttpRequestException($"GET /{path} answered {(int)response.StatusCode}", null, response.StatusCode);
            }
            return VersionsDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        throw new HttpRequestException("The server has no versions document.", null, HttpStatusCode.NotFound);
    }

    private async Task<string?> FeatureProblemAsync(GlanceFeature feature, CancellationToken cancellationToken)
    {
        var version = await GetApiVersionAsync(cancellationToken).ConfigureAwait(false);
        var (minor, probePath) = GlanceFeatures.Requirement(feature);
        if (version != ApiVersion.V2) return $"{feature} needs Glance API v2.{minor} and this client uses API {version}";
        var versions = await GetVersionsAsync(cancellationToken).ConfigureAwait(false);
        var highest = VersionsDocument.HighestV2Minor(versions);
        if (!VersionsDocument.Advertises(versions, minor))
            return $"{feature} needs Glance API v2.{minor}, which the server does not advertise (it offers {(highest is null ? "no v2" : $"up to v2.{highest}")})";
        if (probePath is null) return null;
        var present = await ExecuteHttpAsync(ImageOperation.Versions, null, true,
            (server, http, ct) => _serverInfo.GetProbeAsync(server, feature, () => ProbeAsync(http, probePath, ct)), cancellationToken).ConfigureAwait(false);
        return present ? null : $"{feature} is advertised (v2.{minor}) but not enabled on this server (GET /{probePath} answered 404)";
    }

    private static async Task<bool> ProbeAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(Relative(http, path), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) throw new HttpRequestException($"GET /{path} answered 503", null, response.StatusCode);
        // 2xx means present; 401/403 mean present but not for this caller; 404/501 mean absent.
        return response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.NotImplemented);
    }

    // The endpoint may carry a path prefix (http://host/image); routes append to it.
    private static Uri Relative(HttpClient http, string path) => new(http.BaseAddress!.AbsoluteUri.TrimEnd('/') + "/" + path);
}
