using System.Collections.Concurrent;

namespace NovaImage.TestSupport;

/// <summary>Every request a client sent, in order (one entry per attempt), as recorded by <see cref="RequestCounter"/>s.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();

    /// <summary>The requests so far.</summary>
    public IReadOnlyList<RecordedRequest> All => [.. _requests];

    /// <summary>How many requests went to <paramref name="server"/>.</summary>
    public int To(Uri server) => _requests.Count(r => r.Uri.Authority == server.Authority);

    /// <summary>How many requests had a path ending with <paramref name="suffix"/> (e.g. <c>/file</c>).</summary>
    public int PathsEndingWith(string suffix) => _requests.Count(r => r.Uri.AbsolutePath.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>Completes once <paramref name="count"/> requests were sent (an event to wait for, not a clock).</summary>
    public Task Reached(int count)
    {
        var waiter = _waiters.GetOrAdd(count, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_requests.Count >= count) waiter.TrySetResult();
        return waiter.Task;
    }

    internal void Add(RecordedRequest request)
    {
        _requests.Enqueue(request);
        foreach (var (count, waiter) in _waiters)
            if (_requests.Count >= count) waiter.TrySetResult();
    }
}

/// <summary>One recorded request: method, absolute URI and <c>Range</c> header.</summary>
public readonly record struct RecordedRequest(string Method, Uri Uri, string? Range);
