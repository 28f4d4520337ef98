using Microsoft.Extensions.Logging;

namespace NovaImage.Core;

/// <summary>
/// The client's endpoints, shuffled once (as Nova shuffles <c>api_servers</c> per client) and handed out round-robin,
/// with a short memory: an endpoint whose attempt just failed is passed over for
/// <see cref="GlanceOptions.FailedServerCooldown"/> while another one is healthy, so one dead server among several
/// does not cost every call a failed attempt and a retry delay (Nova pays it every time).
/// </summary>
internal sealed class EndpointRotation
{
    private readonly TimeSpan _cooldown;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task<IReadOnlyList<Uri>>>? _discover;
    private readonly object _gate = new();
    private Task? _discovery;
    private Uri[] _servers = [];
    private long[] _failedUntil = []; // TimeProvider timestamps; 0 = healthy
    private int _next = -1;

    /// <summary>A rotation over endpoints known at start (<c>api_servers</c>, <c>endpoint_override</c>).</summary>
    public EndpointRotation(IEnumerable<Uri> servers, TimeSpan cooldown, TimeProvider time, ILogger logger)
        : this(cooldown, time, logger, null)
    {
        Use(servers);
        _discovery = Task.CompletedTask;
    }

    /// <summary>
    /// A rotation over endpoints found on first use by <paramref name="discover"/> (Keystone's catalog): a call waits
    /// for them in <see cref="EnsureKnownAsync"/>; a failed discovery is tried again by the next call.
    /// </summary>
    public EndpointRotation(Func<CancellationToken, Task<IReadOnlyList<Uri>>> discover, TimeSpan cooldown, TimeProvider time, ILogger logger)
        : this(cooldown, time, logger, discover) { }

    private EndpointRotation(TimeSpan cooldown, TimeProvider time, ILogger logger, Func<CancellationToken, Task<IReadOnlyList<Uri>>>? discover)
    {
        _cooldown = cooldown;
        _time = time;
        _logger = logger;
        _discover = discover;
    }

    /// <summary>The endpoints in rotation order; empty until a discovered rotation has found them.</summary>
    public IReadOnlyList<Uri> Servers => Volatile.Read(ref _servers);

    /// <summary>The first endpoint, to name in an error raised before any endpoint was tried (null before discovery).</summary>
    public Uri? First => Servers.Count > 0 ? Servers[0] : null;

    /// <summary>
    /// Completes once the endpoints are known (at once for configured ones). Discovery is shared by every caller; one
    /// caller's cancellation does not cancel it for the others.
    /// </summary>
    public Task EnsureKnownAsync(CancellationToken cancellationToken)
    {
        var task = Volatile.Read(ref _discovery);
        if (task is { IsCompletedSuccessfully: true }) return task;
        lock (_gate)
        {
            if (_discovery is null || _discovery.IsFaulted || _discovery.IsCanceled) _discovery = DiscoverAsync();
            return _discovery.WaitAsync(cancellationToken);
        }
    }

    private async Task DiscoverAsync() => Use(await _discover!(CancellationToken.None).ConfigureAwait(false));

    private void Use(IEnumerable<Uri> servers)
    {
        Uri[] shuffled = [.. servers];
        if (shuffled.Length == 0) throw new ArgumentException("At least one Glance endpoint is required.", nameof(servers));
        Random.Shared.Shuffle(shuffled);
        _failedUntil = new long[shuffled.Length];
        Volatile.Write(ref _servers, shuffled);
    }

    /// <summary>The endpoint for the next attempt: the next healthy one in rotation, or simply the next when none is healthy.</summary>
    public Uri Next()
    {
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)_servers.Length);
        var now = _time.GetTimestamp();
        for (var i = 0; i < _servers.Length; i++)
        {
            var index = (start + i) % _servers.Length;
            if (!IsFailed(index, now))
            {
                if (i > 0) GlanceLog.SkippingFailedServers(_logger, i, _servers[index]);
                return _servers[index];
            }
        }
        return _servers[start];
    }

    /// <summary>Whether an endpoint other than <paramref name="server"/> is healthy (the next attempt can go there at once).</summary>
    public bool HasHealthyOtherThan(Uri server)
    {
        var now = _time.GetTimestamp();
        for (var i = 0; i < _servers.Length; i++)
        {
            if (_servers[i] != server && !IsFailed(i, now)) return true;
        }
        return false;
    }

    /// <summary>An attempt on <paramref name="server"/> failed in a way worth avoiding it for a while.</summary>
    public void ReportFailure(Uri server, Exception cause)
    {
        if (_cooldown <= TimeSpan.Zero || _servers.Length < 2) return;
        var index = Array.IndexOf(_servers, server);
        if (index < 0) return;
        var until = _time.GetTimestamp() + (long)(_cooldown.TotalSeconds * _time.TimestampFrequency);
        if (Interlocked.Exchange(ref _failedUntil[index], until) == 0)
            GlanceLog.ServerMarkedFailed(_logger, server, GlanceErrorTranslator.Cause(cause), _cooldown.TotalSeconds);
    }

    /// <summary>An attempt on <paramref name="server"/> succeeded: it is healthy again.</summary>
    public void ReportSuccess(Uri server)
    {
        var index = Array.IndexOf(_servers, server);
        if (index >= 0 && Interlocked.Exchange(ref _failedUntil[index], 0) != 0) GlanceLog.ServerRecovered(_logger, server);
    }

    private bool IsFailed(int index, long now)
    {
        var until = Volatile.Read(ref _failedUntil[index]);
        return until != 0 && now < until;
    }
}
