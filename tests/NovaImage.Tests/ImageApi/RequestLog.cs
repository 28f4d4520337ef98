using System.Collections.Concurrent;

namespace NovaImage.Tests.ImageApi;

/// <summary>Every request a client sent: one entry per attempt, in order.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<(string Method, Uri Uri)> _requests = new();

    /// <summary>The requests so far.</summary>
    public IReadOnlyList<(string Method, Uri Uri)> All => [.. _requests];

    /// <summary>How many requests went to <paramref name="server"/>.</summary>
    public int To(Uri server) => _requests.Count(r => r.Uri.Authority == server.Authority);

    /// <summary>How many requests had a path ending with <paramref name="suffix"/>.</summary>
    public int PathsEndingWith(string suffix) => _requests.Count(r => r.Uri.AbsolutePath.EndsWith(suffix, StringComparison.Ordinal));

    internal void Add(string method, Uri uri) => _requests.Enqueue((method, uri));
}
