namespace NovaImage.TestSupport;

/// <summary>
/// A handler for an <see cref="HttpClient"/> pipeline that records every request it passes on into a
/// <see cref="RequestLog"/>, to prove which Glance routes (and servers) a client used. Several counters may share one
/// log: IHttpClientFactory builds (and rebuilds) handler chains, each with its own counter.
/// </summary>
public sealed class RequestCounter : DelegatingHandler
{
    /// <summary>Creates a counter writing to <paramref name="log"/> (or a log of its own); IHttpClientFactory sets the inner handler.</summary>
    public RequestCounter(RequestLog? log = null) => Log = log ?? new RequestLog();

    /// <summary>Creates a counter in front of <paramref name="inner"/>, writing to <paramref name="log"/> (or a log of its own).</summary>
    public RequestCounter(HttpMessageHandler inner, RequestLog? log = null) : base(inner) => Log = log ?? new RequestLog();

    /// <summary>What this counter recorded.</summary>
    public RequestLog Log { get; }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Log.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, request.Headers.Range?.ToString()));
        return base.SendAsync(request, cancellationToken);
    }
}
