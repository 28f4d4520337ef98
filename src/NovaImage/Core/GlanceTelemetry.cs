using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Reflection;
using Refit;

namespace NovaImage.Core;

/// <summary>
/// A client's traces and metrics (docs/observability.md): the package's one <see cref="ActivitySource"/> and the
/// instruments of its <see cref="Meter"/>, both named <c>NovaImage</c> (<see cref="NovaImageTelemetry"/>). Spans: one
/// per call (<see cref="StartCall"/>; a call made inside another, such as a download's image record, belongs to it)
/// and one per attempt of it on an endpoint (<see cref="StartAttempt"/>); the HTTP requests under an attempt are
/// System.Net.Http's own spans (.NET 9+). The meter comes from the container's <see cref="IMeterFactory"/> when
/// there is one (measurements scoped to that container, as .NET asks of libraries), else it is one static meter.
/// Nothing recorded carries a token: attributes are endpoints, ids, statuses and exception types, and URLs go
/// through <see cref="RedactedUrl"/>.
/// </summary>
internal sealed class GlanceTelemetry
{
    /// <summary>The version of the source and the meter: the package's informational version.</summary>
    public static readonly string Version =
        typeof(GlanceTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

    /// <summary>The source of every NovaImage span.</summary>
    public static readonly ActivitySource Source = new(NovaImageTelemetry.ActivitySourceName, Version);

    // OpenTelemetry's advice for http.client.request.duration, extended to 10 minutes: a call here can be a whole
    // image download, which takes far longer than one HTTP request.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120, 300, 600];

    // The call under way in this async flow, so that a call made inside it (a download reads its image record through
    // the core) adds its attempts to that call instead of counting as a call of its own.
    private static readonly AsyncLocal<GlanceCallScope?> CurrentCall = new();

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _failovers;
    private readonly Counter<long> _io;
    private readonly Counter<long> _verifications;
    private readonly UpDownCounter<long> _activeDownloads;

    private GlanceTelemetry(Meter meter)
    {
        _calls = meter.CreateCounter<long>("novaimage.client.calls", "{call}", "Glance calls made (a listing page, a show, an upload, a whole download, ...), by operation and outcome.");
        _duration = meter.CreateHistogram("novaimage.client.call.duration", "s", "Duration of Glance calls, every attempt and pause included.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _retries = meter.CreateCounter<long>("novaimage.client.retries", "{retry}", "Attempts that failed transiently and were tried again, by the endpoint that failed and why.");
        _failovers = meter.CreateCounter<long>("novaimage.client.failovers", "{failover}", "Retries that went to another endpoint than the one that failed.");
        _io = meter.CreateCounter<long>("novaimage.client.io", "By", "Image data received (downloads) and sent (uploads, stages), resent bytes included.");
        _verifications = meter.CreateCounter<long>("novaimage.client.download.verifications", "{download}", "Finished downloads by what their data was checked against (or failed).");
        _activeDownloads = meter.CreateUpDownCounter<long>("novaimage.client.active_downloads", "{download}", "Downloads under way.");
    }

    /// <summary>The instruments of clients built without an <see cref="IMeterFactory"/>: one static meter for the process.</summary>
    public static GlanceTelemetry Shared { get; } = new(new Meter(NovaImageTelemetry.MeterName, Version));

    /// <summary>The instruments for a client: from <paramref name="meterFactory"/> (dependency injection) when given, else <see cref="Shared"/>.</summary>
    public static GlanceTelemetry For(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared : new(meterFactory.Create(new MeterOptions(NovaImageTelemetry.MeterName) { Version = Version }));

    /// <summary>The call under way in this async flow, if any.</summary>
    public static GlanceCallScope? Current => CurrentCall.Value;

    /// <summary>
    /// Starts recording <paramref name="call"/> (a span, its duration and outcome), or returns null when a call is
    /// already under way in this flow: the inner call is then part of it.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="apiVersion">The Glance API version in use, when known.</param>
    public GlanceCallScope? StartCall(GlanceCall call, ApiVersion? apiVersion)
    {
        if (CurrentCall.Value is not null) return null;
        var activity = Source.HasListeners() ? Source.StartActivity("Glance " + call.Name, ActivityKind.Internal) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Tags.Operation, call.Name);
            if (call.ImageId is not null) activity.SetTag(Tags.ImageId, call.ImageId);
            if (apiVersion is { } version) activity.SetTag(Tags.ApiVersion, ApiVersionTag(version));
            if (call.Store is not null) activity.SetTag(Tags.Store, call.Store);
        }
        var scope = new GlanceCallScope(this, call, activity);
        CurrentCall.Value = scope;
        return scope;
    }

    /// <summary>The flow leaves <paramref name="scope"/>'s call.</summary>
    public static void Leave(GlanceCallScope scope)
    {
        if (CurrentCall.Value == scope) CurrentCall.Value = null;
    }

    /// <summary>
    /// Starts the span of one attempt; counts a failover when it goes to another endpoint than
    /// <paramref name="previous"/>, the attempt that just failed with <paramref name="previousFailure"/>.
    /// </summary>
    public Activity? StartAttempt(GlanceAttempt attempt, GlanceAttempt? previous, Exception? previousFailure)
    {
        CurrentCall.Value?.Attempting(attempt);
        var failover = previous is not null && previous.Server != attempt.Server;
        if (failover)
            _failovers.Add(1, new(Tags.Operation, attempt.Call.Name), new(Tags.ServerAddress, previous!.Server.Host), new(Tags.ServerPort, previous.Server.Port));
        if (!Source.HasListeners()) return null;
        var activity = Source.StartActivity("Glance " + attempt.Call.Name + " attempt", ActivityKind.Internal);
        if (activity is not { IsAllDataRequested: true }) return activity;
        activity.SetTag(Tags.Operation, attempt.Call.Name);
        activity.SetTag(Tags.Attempt, attempt.Number);
        activity.SetTag(Tags.ServerAddress, attempt.Server.Host);
        activity.SetTag(Tags.ServerPort, attempt.Server.Port);
        activity.SetTag(Tags.Endpoint, RedactedUrl(attempt.Server));
        if (previousFailure is not null)
        {
            activity.SetTag(Tags.RetryReason, GlanceErrorTranslator.Cause(previousFailure));
            activity.SetTag(Tags.Failover, failover);
        }
        return activity;
    }

    /// <summary>Marks an attempt's span as failed with <paramref name="exception"/> (status, <c>error.type</c>, an exception event).</summary>
    public static void AttemptFailed(Activity? attempt, Exception exception)
    {
        if (attempt is not { IsAllDataRequested: true }) return;
        attempt.SetTag(Tags.ErrorType, ErrorType(exception));
        if (StatusOf(exception) is { } status) attempt.SetTag(Tags.StatusCode, (int)status);
        attempt.SetStatus(ActivityStatusCode.Error, GlanceErrorTranslator.Cause(exception));
        attempt.AddException(exception);
    }

    /// <summary>Counts a retry of <paramref name="failed"/>, which failed transiently with <paramref name="exception"/>.</summary>
    public void Retrying(GlanceAttempt failed, Exception exception) =>
        _retries.Add(1, new(Tags.Operation, failed.Call.Name), new(Tags.ServerAddress, failed.Server.Host), new(Tags.ServerPort, failed.Server.Port),
            new(Tags.ErrorType, ErrorType(exception)));

    /// <summary>Counts image data received by a download over <paramref name="path"/>.</summary>
    public void Received(int bytes, DownloadPath path) =>
        _io.Add(bytes, new(Tags.IoDirection, "receive"), new(Tags.Operation, nameof(ImageOperation.Download)), new(Tags.DownloadPath, PathTag(path)));

    /// <summary>Counts image data handed to the HTTP stack by an upload or a stage.</summary>
    public void Sent(int bytes, ImageOperation operation) =>
        _io.Add(bytes, new(Tags.IoDirection, "transmit"), new(Tags.Operation, operation.ToString()));

    /// <summary>A download starts (until <see cref="DownloadEnded"/>).</summary>
    public void DownloadStarted() => _activeDownloads.Add(1);

    /// <summary>A download ended, however.</summary>
    public void DownloadEnded() => _activeDownloads.Add(-1);

    /// <summary>Records what a finished download's data was checked against, on the metric and the call's span.</summary>
    public void Downloaded(DownloadResult result)
    {
        var verification = VerificationTag(result.Verification);
        _verifications.Add(1, new(Tags.Verification, verification), new(Tags.DownloadPath, PathTag(result.Path)));
        if (Current?.Activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(Tags.Verification, verification);
            activity.SetTag(Tags.DownloadPath, PathTag(result.Path));
            activity.SetTag(Tags.DownloadBytes, result.Bytes);
            if (result.VerifiedAlgorithm is not null) activity.SetTag(Tags.HashAlgorithm, result.VerifiedAlgorithm);
        }
    }

    /// <summary>Records a download whose data failed verification.</summary>
    public void VerificationFailed()
    {
        _verifications.Add(1, new KeyValuePair<string, object?>(Tags.Verification, "failed"));
        Current?.Activity?.SetTag(Tags.Verification, "failed");
    }

    internal void CallEnded(GlanceCall call, TimeSpan elapsed, Exception? failure)
    {
        var outcome = failure switch
        {
            null => "success",
            OperationCanceledException => "cancelled",
            _ => "failure",
        };
        var tags = new TagList { { Tags.Operation, call.Name }, { Tags.Outcome, outcome } };
        if (failure is not null) tags.Add(Tags.ErrorType, failure.GetType().FullName);
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>
    /// The <c>error.type</c> of a failed attempt, as OpenTelemetry's HTTP conventions have it: the status code when
    /// the server answered with an error, else HttpClient's <see cref="HttpRequestError"/> (snake_case, as .NET's own
    /// HTTP metrics report it), else the exception's type.
    /// </summary>
    public static string ErrorType(Exception exception)
    {
        if (StatusOf(exception) is { } status) return ((int)status).ToString(CultureInfo.InvariantCulture);
        var inner = Unwrapped(exception);
        if (inner is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http) return SnakeCase(http.HttpRequestError.ToString());
        return inner.GetType().FullName!;
    }

    /// <summary>
    /// A URL as it may be recorded: no user info, and every query value replaced by <c>*</c> (as .NET's own HTTP
    /// spans do), since a query may hold what the caller would not want in a trace store.
    /// </summary>
    public static string RedactedUrl(Uri url)
    {
        var builder = new UriBuilder(url) { UserName = "", Password = "" };
        if (builder.Query.Length > 1)
        {
            builder.Query = string.Join('&', builder.Query.TrimStart('?').Split('&')
                .Select(pair => pair.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0 ? pair[..eq] + "=*" : pair));
        }
        return builder.Uri.AbsoluteUri;
    }

    private static HttpStatusCode? StatusOf(Exception exception) => Unwrapped(exception) switch
    {
        ApiException api => api.StatusCode,
        HttpRequestException { StatusCode: { } code } => code,
        GlanceException { StatusCode: { } code } => code,
        _ => null,
    };

    // Refit wraps what HttpClient threw (before a response, or while reading a 2xx body) around the real cause.
    private static Exception Unwrapped(Exception exception) => exception switch
    {
        ApiRequestException { InnerException: { } inner } => Unwrapped(inner),
        ApiException { InnerException: { } inner } => Unwrapped(inner),
        _ => exception,
    };

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static string ApiVersionTag(ApiVersion version) => version switch
    {
        ApiVersion.V1 => "v1",
        ApiVersion.V2 => "v2",
        _ => "auto",
    };

    private static string PathTag(DownloadPath path) => path == DownloadPath.DirectStore ? "direct_store" : "http";

    private static string VerificationTag(DownloadVerification verification) => verification switch
    {
        DownloadVerification.Multihash => "multihash",
        DownloadVerification.Md5 => "md5",
        DownloadVerification.SizeOnly => "size_only",
        _ => "nothing",
    };

    /// <summary>The attribute names (OpenTelemetry's where one fits, <c>novaimage.*</c> for the rest).</summary>
    internal static class Tags
    {
        public const string Operation = "novaimage.operation";
        public const string Outcome = "novaimage.outcome";
        public const string ImageId = "novaimage.image.id";
        public const string ApiVersion = "novaimage.api.version";
        public const string Store = "novaimage.store";
        public const string Attempt = "novaimage.attempt";
        public const string Attempts = "novaimage.attempts";
        public const string Endpoint = "novaimage.endpoint";
        public const string RetryReason = "novaimage.retry.reason";
        public const string Failover = "novaimage.failover";
        public const string Verification = "novaimage.download.verification";
        public const string DownloadPath = "novaimage.download.path";
        public const string DownloadBytes = "novaimage.download.bytes";
        public const string HashAlgorithm = "novaimage.download.hash_algorithm";
        public const string ServerAddress = "server.address";
        public const string ServerPort = "server.port";
        public const string ErrorType = "error.type";
        public const string StatusCode = "http.response.status_code";
        public const string Method = "http.request.method";
        public const string UrlFull = "url.full";
        public const string IoDirection = "network.io.direction";
    }
}
