using System.ComponentModel;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NovaImage.DirectStore;
using NovaImage.Keystone;
using NovaImage.Signatures;
using NovaImage.Transfers;
using Polly;
using Polly.Retry;
using Refit;

namespace NovaImage.Core;

/// <summary>
/// The one core of a client: its endpoints (parsed once) and their health, its token provider, one retry pipeline
/// with one rule for what is transient, error translation, version selection and feature gating, and the download
/// pipeline. Every call and every data stream of the client goes through <see cref="ExecuteAsync{T}(GlanceCall, bool, Func{GlanceAttempt, CancellationToken, Task{T}}, CancellationToken)"/> once.
/// Generated clients call it; applications use <see cref="IImageApi"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GlanceClientCore : IDisposable
{
    private static readonly ResiliencePropertyKey<GlanceAttempt> AttemptKey = new("NovaImage.Attempt");

    private readonly Func<Uri, HttpClient> _httpClients;
    private readonly IDisposable? _owned;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retrying;
    private readonly ServerInfoCache _serverInfo = new();
    private readonly Dictionary<(int Major, JsonSerializerContext? Context), RefitSettings> _extensionSettings = [];
    private readonly Lazy<ImageDownloader> _downloader;
    private HttpClient? _certificateHttp; // Barbican's pool, when signing certificates come from it
    private Task<ApiVersion>? _version;

    internal GlanceClientCore(
        GlanceOptions options,
        IReadOnlyDictionary<string, Func<IDirectStoreAdapter>> adapters,
        Func<GlanceClientCore, Func<Uri, HttpClient>> httpClients,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider = null,
        IDisposable? owned = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(adapters);
        Options = options;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = LoggerFactory.CreateLogger<GlanceClientCore>();
        var time = timeProvider ?? TimeProvider.System;
        if (options.Keystone is { } keystone)
        {
            var session = new KeystoneSession(keystone, options, LoggerFactory, time);
            Keystone = session;
            TokenProvider = session;
            // As Nova: api_servers (or the deprecated host) wins, then endpoint_override, then the catalog (found on first use).
#pragma warning disable CS0618 // the deprecated host still names an endpoint
            var configured = options.ApiServers.Count > 0 || options.Host is not null || !string.IsNullOrWhiteSpace(keystone.EndpointOverride);
#pragma warning restore CS0618
            Endpoints = configured
                ? new EndpointRotation(ResolveEndpoints(options, _logger), options.FailedServerCooldown, time, _logger)
                : new EndpointRotation(ct => DiscoverEndpointsAsync(session, keystone, ct), options.FailedServerCooldown, time, _logger);
        }
        else
        {
            Endpoints = new EndpointRotation(ResolveEndpoints(options, _logger), options.FailedServerCooldown, time, _logger);
            TokenProvider = options.TokenProvider ?? new StaticTokenProvider(options.Token);
        }
        Bounds = ResponseBounds.From(options);
        Telemetry = GlanceTelemetry.For(meterFactory);
        _retrying = BuildRetryPipeline();
        _httpClients = httpClients(this);
        _owned = owned;
        Signatures = new ImageSignaturePolicy(options, CreateCertificateSource, timeProvider ?? TimeProvider.System);
        _downloader = new Lazy<ImageDownloader>(() => new ImageDownloader(this,
            adapters.ToDictionary(a => a.Key, a => a.Value(), StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// A core for a client built without dependency injection: the same endpoints, retries, TLS handling and token
    /// provider as a registered client, over its own connection pool (disposed with the core).
    /// </summary>
    /// <param name="options">The client's options (validated here, as a registered client's are at start).</param>
    /// <param name="adapters">The direct-store adapters by scheme (the generated client's <c>DirectStoreAdapters</c>).</param>
    /// <param name="loggerFactory">Receives the client's logs; none when null.</param>
    /// <param name="primaryHandler">
    /// The handler that sends requests (for tests or custom transports); when null, one built from the TLS options.
    /// It must not follow redirects (a following <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>, the
    /// default for both, would carry the token to any server a redirect names): set <c>AllowAutoRedirect = false</c>,
    /// or every call fails with <see cref="GlanceConfigurationException"/> before anything is sent.
    /// </param>
    /// <exception cref="OptionsValidationException">The options are invalid (each failure names the nova.conf key).</exception>
    public static GlanceClientCore Create(
        GlanceOptions options,
        IReadOnlyDictionary<string, Func<IDirectStoreAdapter>> adapters,
        ILoggerFactory? loggerFactory = null,
        HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new GlanceOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (result.Failed) throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(GlanceOptions), result.Failures);
        HttpMessageHandler? handler = null;
        var core = new GlanceClientCore(options, adapters, self =>
        {
            handler = new AuthTokenHandler(self.TokenProvider, self.Endpoints)
            {
                InnerHandler = new AttemptTelemetryHandler
                {
                    InnerHandler = new BoundedResponseHandler(self.Bounds) { InnerHandler = primaryHandler ?? self.CreatePrimaryHandler() },
                },
            };
            return server => self.Configure(new HttpClient(handler, disposeHandler: false), server);
        }, loggerFactory, owned: new DisposeAction(() => handler?.Dispose()));
        return core;
    }

    /// <summary>The options this client was built from (read once, here).</summary>
    internal GlanceOptions Options { get; }

    /// <summary>Where the core's parts get their loggers.</summary>
    internal ILoggerFactory LoggerFactory { get; }

    /// <summary>The endpoints, in rotation order, and their health.</summary>
    internal EndpointRotation Endpoints { get; }

    /// <summary>Where requests get their token.</summary>
    internal IGlanceTokenProvider TokenProvider { get; }

    /// <summary>
    /// The client's Keystone session when <see cref="GlanceOptions.Keystone"/> is set (null otherwise): the token and the
    /// catalog, also for other services of the same cloud (e.g. <c>key-manager</c> for image signatures).
    /// </summary>
    internal IKeystoneSession? Keystone { get; }

    /// <summary>The limits every response body is read under (the <see cref="BoundedResponseHandler"/> of the client's handler chain).</summary>
    internal ResponseBounds Bounds { get; }

    /// <summary>The client's traces and metrics.</summary>
    internal GlanceTelemetry Telemetry { get; }

    /// <summary>The download pipeline (built on first use, so its start-up report is logged once per client).</summary>
    internal ImageDownloader Downloader => _downloader.Value;

    /// <summary>Whether and how downloads verify image signatures (<see cref="GlanceOptions.VerifyGlanceSignatures"/>).</summary>
    internal ImageSignaturePolicy Signatures { get; }

    /// <summary>The API version in use: the configured one, or for Auto the one chosen from the first versions document read.</summary>
    public ValueTask<ApiVersion> GetApiVersionAsync(CancellationToken cancellationToken = default)
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
    public Task<IReadOnlyList<ApiVersionInfo>> GetVersionsAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync(new GlanceCall(ImageOperation.Versions), true,
            (attempt, ct) => _serverInfo.GetVersionsAsync(attempt.Server, () => ReadVersionsAsync(attempt.Http, ct)), cancellationToken);

    /// <summary>Whether the server offers <paramref name="feature"/>: its versions document, then a probe where needed.</summary>
    public async Task<bool> IsFeatureSupportedAsync(GlanceFeature feature, CancellationToken cancellationToken = default) =>
        await FeatureProblemAsync(feature, cancellationToken).ConfigureAwait(false) is null;

    /// <summary>The error for an operation the version in use cannot express (raised before anything is sent).</summary>
    public FeatureNotSupportedException NotSupported(ImageOperation operation, ApiVersion version, string? imageId) =>
        new($"Glance {operation} is not available through Glance API {version}", new GlanceErrorContext(imageId, Endpoints.First));

    /// <summary>
    /// Runs a call of a consumer's own Glance Refit interface (an extension route, e.g. <c>GET /v2/info/usage</c>)
    /// with the client's endpoints, retries, token and error translation.
    /// </summary>
    /// <param name="operation">The method's name, for logs and errors.</param>
    /// <param name="major">The Glance API major the interface describes; the call is refused before anything is sent when the client uses another.</param>
    /// <param name="json">Serializes the interface's own models (null: NovaImage's models of that version only).</param>
    /// <param name="create">Creates the Refit stub over an endpoint's <see cref="HttpClient"/> with the given settings.</param>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<TResult> SendAsync<TApi, TResult>(string operation, int major, JsonSerializerContext? json,
        Func<HttpClient, RefitSettings, TApi> create, Func<TApi, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(call);
        var version = await GetApiVersionAsync(cancellationToken).ConfigureAwait(false);
        if ((int)version != major)
            throw new FeatureNotSupportedException($"Glance {operation} is a Glance API v{major} call and this client uses API {version}", new GlanceErrorContext(Server: Endpoints.First));
        var settings = ExtensionSettings(major, json);
        return await ExecuteAsync(new GlanceCall(operation), true, (attempt, ct) => call(create(attempt.Http, settings), ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="SendAsync{TApi, TResult}"/>, for calls with no result.</summary>
    public Task SendAsync<TApi>(string operation, int major, JsonSerializerContext? json,
        Func<HttpClient, RefitSettings, TApi> create, Func<TApi, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        SendAsync<TApi, bool>(operation, major, json, create, async (api, ct) => { await call(api, ct).ConfigureAwait(false); return true; }, cancellationToken);

    /// <summary>
    /// The image id in <paramref name="imageIdOrHref"/>: an id as is, or the id at the end of an image href (a Glance
    /// <c>self</c> link such as <c>http://glance:9292/v2/images/{id}</c>) that points at one of this client's endpoints.
    /// </summary>
    /// <exception cref="InvalidImageRequestException">An href of another host, port, scheme or path prefix, or not an image href (nothing is sent).</exception>
    public string ResolveImageId(string imageIdOrHref) => ImageReference.Resolve(imageIdOrHref, Endpoints.Servers);

    /// <summary>Releases the connection pool of a client built without dependency injection.</summary>
    public void Dispose()
    {
        _owned?.Dispose();
        (Keystone as IDisposable)?.Dispose();
        _certificateHttp?.Dispose();
    }

    /// <summary>Runs one call on the version's Refit client (see <see cref="ExecuteAsync{T}(GlanceCall, bool, Func{GlanceAttempt, CancellationToken, Task{T}}, CancellationToken)"/>).</summary>
    internal Task<TResult> ExecuteAsync<TApi, TResult>(ImageOperation operation, string? imageId,
        Func<TApi, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken, bool replayable = true) where TApi : class =>
        ExecuteAsync(new GlanceCall(operation, imageId), replayable, (attempt, ct) => call(attempt.Api<TApi>(), ct), cancellationToken);

    /// <summary>As <see cref="ExecuteAsync{TApi, TResult}"/>, for calls with no result.</summary>
    internal Task ExecuteAsync<TApi>(ImageOperation operation, string? imageId,
        Func<TApi, CancellationToken, Task> call, CancellationToken cancellationToken, bool replayable = true) where TApi : class =>
        ExecuteAsync(new GlanceCall(operation, imageId), replayable,
            async (attempt, ct) => { await call(attempt.Api<TApi>(), ct).ConfigureAwait(false); return true; }, cancellationToken);

    /// <summary>
    /// The one retry loop: runs <paramref name="attempt"/> on the next healthy endpoint; a transient failure
    /// (<see cref="TransientFailures.IsTransient"/>) marks that endpoint as failed and, up to <c>num_retries</c> times,
    /// runs the attempt again on the next one (at once when another endpoint is healthy, after
    /// <see cref="GlanceOptions.RetryDelay"/> otherwise). Any failure leaves as a <see cref="GlanceException"/> naming
    /// the image, the last endpoint, the status and the cause. With <see cref="GlanceOptions.TotalTimeout"/>, the whole
    /// call (every attempt and pause) must end within it; running out is not retried.
    /// </summary>
    /// <param name="call">What is being done, for logs and errors.</param>
    /// <param name="replayable">False when the request cannot be sent again (a non-seekable upload): one attempt only.</param>
    /// <param name="attempt">One attempt, given its endpoint and that endpoint's <see cref="HttpClient"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    internal async Task<T> ExecuteAsync<T>(GlanceCall call, bool replayable, Func<GlanceAttempt, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        using var scope = Telemetry.StartCall(call, KnownApiVersion());
        try
        {
            var result = await RetryAsync(call, replayable, attempt, cancellationToken).ConfigureAwait(false);
            scope?.Ended();
            return result;
        }
        catch (Exception ex) when (scope?.Ended(ex) ?? false)
        {
            throw; // never reached: Ended records the failure and returns false
        }
    }

    // The attempts of ExecuteAsync, each with its span; every failure leaves translated.
    private async Task<T> RetryAsync<T>(GlanceCall call, bool replayable, Func<GlanceAttempt, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        // The deadline cancels the attempt under way; the retry rule sees it as the caller's cancellation (not transient).
        using var deadline = Options.TotalTimeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.TotalTimeout is { } total) deadline!.CancelAfter(total);
        // Catalog endpoints are found on the first call (a Keystone failure leaves here as its own typed error).
        await Endpoints.EnsureKnownAsync(deadline?.Token ?? cancellationToken).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(deadline?.Token ?? cancellationToken);
        GlanceAttempt? current = null;
        Exception? lastFailure = null;
        try
        {
            var pipeline = replayable ? _retrying : ResiliencePipeline.Empty;
            return await pipeline.ExecuteAsync(async ctx =>
            {
                var server = Endpoints.Next();
                var previous = current;
                current = new GlanceAttempt(call, server, (previous?.Number ?? 0) + 1, _httpClients(server));
                ctx.Properties.Set(AttemptKey, current);
                using var span = Telemetry.StartAttempt(current, previous, lastFailure);
                try
                {
                    var result = await attempt(current, ctx.CancellationToken).ConfigureAwait(false);
                    Endpoints.ReportSuccess(server);
                    return result;
                }
                catch (Exception ex)
                {
                    lastFailure = ex;
                    GlanceTelemetry.AttemptFailed(span, ex);
                    throw;
                }
            }, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            var server = current?.Server ?? Endpoints.First!; // known: discovery completed before the try
            GlanceLog.DoneTrying(_logger, call.Name, server, GlanceErrorTranslator.Cause(ex), current?.Number ?? 0);
            throw new GlanceConnectionFailedException(
                $"Glance {call.Name}: no complete answer within the total timeout of {Options.TotalTimeout!.Value.TotalSeconds:0.###} s (total_timeout), after {current?.Number ?? 0} attempt(s)",
                new GlanceErrorContext(call.ImageId, server, null, GlanceErrorTranslator.Cause(ex)), ex);
        }
        catch (Exception ex) when (current is not null && TransientFailures.IsTransient(ex, cancellationToken))
        {
            Endpoints.ReportFailure(current.Server, ex);
            var notRetried = !replayable && Options.NumRetries > 0;
            if (notRetried) GlanceLog.NotReplayable(_logger, call.Name, current.Server);
            GlanceLog.DoneTrying(_logger, call.Name, current.Server, GlanceErrorTranslator.Cause(ex), current.Number);
            throw GlanceErrorTranslator.ConnectionFailed(call, current.Server, current.Number, ex, notRetried);
        }
        catch (Exception ex) when (current is not null && GlanceErrorTranslator.Translate(call, current.Server, ex) is { } translated)
        {
            throw translated;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Throws <see cref="FeatureNotSupportedException"/> when the server does not offer <paramref name="feature"/>.</summary>
    internal async Task RequireFeatureAsync(GlanceFeature feature, ImageOperation operation, string? imageId, CancellationToken cancellationToken)
    {
        if (await FeatureProblemAsync(feature, cancellationToken).ConfigureAwait(false) is { } problem)
            throw new FeatureNotSupportedException($"Glance {operation}: {problem}", new GlanceErrorContext(imageId, Endpoints.First));
    }

    /// <summary>
    /// The primary handler of this client's <see cref="HttpClient"/>s: TLS as configured. With <c>insecure</c>, every
    /// handler built logs a warning, so the setting cannot be forgotten in a long-running service's logs.
    /// </summary>
    internal HttpMessageHandler CreatePrimaryHandler()
    {
        if (Options.Insecure) GlanceLog.InsecureTls(_logger, Endpoints.Servers.Count > 0 ? string.Join(", ", Endpoints.Servers) : "the catalog's endpoints");
        return TlsHandlerFactory.Create(Options);
    }

    /// <summary>Points a client at <paramref name="server"/> with the configured timeout.</summary>
    internal HttpClient Configure(HttpClient http, Uri server)
    {
        http.BaseAddress = server;
        if (Options.Timeout is { } timeout) http.Timeout = timeout;
        return http;
    }

    /// <summary>The version in use, for traces, without waiting: for Auto, known once the first versions document was read.</summary>
    internal ApiVersion? KnownApiVersion() =>
        Options.ApiVersion != ApiVersion.Auto ? Options.ApiVersion : _version is { IsCompletedSuccessfully: true } chosen ? chosen.Result : null;

    private RefitSettings ExtensionSettings(int major, JsonSerializerContext? json)
    {
        lock (_extensionSettings)
        {
            if (_extensionSettings.TryGetValue((major, json), out var cached)) return cached;
            var settings = major == 1 ? V1.GlanceV1Client.Settings : V2.GlanceV2Client.CreateSettings();
            if (json is not null)
            {
                var options = new System.Text.Json.JsonSerializerOptions(major == 1 ? V1.GlanceV1JsonContext.Default.Options : V2.GlanceV2JsonContext.Default.Options)
                {
                    TypeInfoResolver = JsonTypeInfoResolver.Combine(json, major == 1 ? V1.GlanceV1JsonContext.Default : V2.GlanceV2JsonContext.Default),
                };
                settings = new RefitSettings
                {
                    ContentSerializer = new SystemTextJsonContentSerializer(options),
                    UrlParameterFormatter = settings.UrlParameterFormatter,
                    Buffered = false,
                };
            }
            _extensionSettings[(major, json)] = settings;
            return settings;
        }
    }

    private ResiliencePipeline BuildRetryPipeline()
    {
        if (Options.NumRetries <= 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Options.NumRetries,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && TransientFailures.IsTransient(ex, args.Context.CancellationToken)),
            // Straight on to another endpoint when one is healthy; Nova's pause only when there is none to turn to.
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Endpoints.HasHealthyOtherThan(args.Context.Properties.GetValue(AttemptKey, null!).Server)
                ? TimeSpan.Zero
                : Options.RetryDelay),
            OnRetry = args =>
            {
                var failed = args.Context.Properties.GetValue(AttemptKey, null!);
                Endpoints.ReportFailure(failed.Server, args.Outcome.Exception!);
                Telemetry.Retrying(failed, args.Outcome.Exception!);
                GlanceLog.Retrying(_logger, failed.Call.Name, failed.Server, GlanceErrorTranslator.Cause(args.Outcome.Exception!),
                    failed.Number + 1, Options.NumRetries + 1);
                return default;
            },
        }).Build();
    }

    /// <summary>
    /// The image endpoints of Keystone's catalog, parsed as <c>api_servers</c> entries are: Nova hands the catalog URL to
    /// glanceclient, which drops a version suffix (<c>…/v2</c>), and so does <see cref="GlanceEndpoints.TryParse"/>.
    /// </summary>
    private async Task<IReadOnlyList<Uri>> DiscoverEndpointsAsync(IKeystoneSession session, KeystoneAuthOptions keystone, CancellationToken cancellationToken)
    {
        var interfaces = keystone.ValidInterfaces.Count > 0 ? keystone.ValidInterfaces.ToList() : ["internal", "public"];
        var urls = await session.GetEndpointsAsync(keystone.ServiceType, interfaces, keystone.RegionName, cancellationToken).ConfigureAwait(false);
        var endpoints = urls.Select(url => GlanceEndpoints.TryParse(url.OriginalString, out var endpoint, out var problem)
            ? endpoint
            : throw new GlanceConfigurationException($"Keystone at {session.AuthUrl} lists an unusable '{keystone.ServiceType}' endpoint: {problem}",
                new GlanceErrorContext(Server: session.AuthUrl))).Distinct().ToList();
        KeystoneLog.EndpointsDiscovered(_logger, keystone.ServiceType, string.Join(",", interfaces), keystone.RegionName ?? "any", string.Join(", ", endpoints));
        return endpoints;
    }

    private static IEnumerable<Uri> ResolveEndpoints(GlanceOptions options, ILogger logger)
    {
#pragma warning disable CS0618 // the deprecated host wins over endpoint_override, as api_servers does
        if (options.ApiServers.Count == 0 && options.Host is null && options.Keystone?.EndpointOverride is { } endpointOverride && !string.IsNullOrWhiteSpace(endpointOverride))
#pragma warning restore CS0618
        {
            return GlanceEndpoints.TryParse(endpointOverride, out var uri, out var problem)
                ? [uri]
                : throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(GlanceOptions), [$"[glance] endpoint_override: {problem}"]);
        }
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
        // Parsed before the warning is logged: an endpoint that is refused (a password in host, say) must not reach the log.
        if (!GlanceEndpoints.TryParse(endpoint, out var parsed, out var why))
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(GlanceOptions), [$"[glance] host/port/protocol: {why}"]);
        GlanceLog.DeprecatedOptions(logger, used, $"api_servers = {endpoint}", endpoint);
        return [parsed];
    }

    private async Task<ApiVersion> SelectVersionAsync(CancellationToken cancellationToken)
    {
        var versions = await GetVersionsAsync(cancellationToken).ConfigureAwait(false);
        var server = Endpoints.First!; // known: the versions were just read from it
        if (VersionsDocument.HighestMajor(versions) is { } chosen)
        {
            GlanceLog.VersionSelected(_logger, chosen, server, $"highest CURRENT/SUPPORTED major of {versions.Count} advertised version(s)");
            return chosen;
        }
        // Newton to Queens advertised v1 only as DEPRECATED: a v1-only Glance still serves it, so use it, and say so.
        if (VersionsDocument.HighestDeprecatedMajor(versions) is { } deprecated)
        {
            GlanceLog.DeprecatedVersionSelected(_logger, deprecated, server);
            return deprecated;
        }
        throw new FeatureNotSupportedException(
            $"Glance advertises no API version this client speaks ({string.Join(", ", versions.Select(v => $"{v.Id} {v.Status}"))}); set [glance] api_version explicitly",
            new GlanceErrorContext(Server: server));
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
        var present = await ExecuteAsync(new GlanceCall(ImageOperation.Versions), true,
            (attempt, ct) => _serverInfo.GetProbeAsync(attempt.Server, feature, () => ProbeAsync(attempt.Http, probePath, ct)), cancellationToken).ConfigureAwait(false);
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

    private sealed class DisposeAction(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    // Signing certificates: a local directory when configured (air-gapped hosts), else Barbican through the client's
    // Keystone session, else none (a verified download then says what to configure). Barbican is another service of
    // the cloud: its requests go through their own pool, never through the Glance handler chain that refuses origins
    // other than Glance's.
    private ICertificateSource? CreateCertificateSource()
    {
        if (Options.SigningCertificateDirectory is { Length: > 0 } directory) return new DirectoryCertificateSource(directory);
        if (Keystone is not { } keystone) return null;
        var http = new HttpClient(new BoundedResponseHandler(Bounds) { InnerHandler = TlsHandlerFactory.Create(Options) });
        _certificateHttp = http;
        return new BarbicanCertificateSource(http, keystone, Options.Keystone!.ValidInterfaces.ToArray(), Options.Keystone.RegionName);
    }
}
