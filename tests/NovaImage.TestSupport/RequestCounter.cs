using System.Collections.Concurrent;

namespace NovaImage.TestSupport;

/// <summary>
/// A handler for an <see cref="HttpClient"/> pipeline that records every request it passes on (method, path and
/// <c>Range</c>), to prove which Glance routes a client used.
/// </summary>
public sealed class RequestCounter : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Method, string Path, string? Range)> _requests = new();

    /// <summary>Creates the counter (set <see cref="DelegatingHandler.InnerHandler"/>, or let IHttpClientFactory do it).</summary>
    public RequestCounter() { }

    /// <summary>Creates the counter in front of <paramref name="inner"/>.</summary>
    public RequestCounter(HttpMessageHandler inner) : base(inner) { }

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<(string Method, string Path, string? Range)> Requests => _requests.ToArray();

    /// <summary>How many requests went to a path ending with <paramref name="suffix"/> (e.g. <c>/file</c>).</summary>
    public int CountPathsEndingWith(string suffix) => _requests.Count(r => r.Path.EndsWith(suffix, StringComparison.Ordinal));

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue((request.Method.Method, request.RequestUri?.AbsolutePath ?? "", request.Headers.Range?.ToString()));
        return base.SendAsync(request, cancellationToken);
    }
}
