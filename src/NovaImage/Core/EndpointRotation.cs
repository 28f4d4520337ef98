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
    private readonly Uri[] _servers;
    private readonly long[] _failedUntil; // TimeProvider timestamps; 0 = healthy
    private readonly TimeSpan _cooldown;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _next = -1;

    public EndpointRotation(IEnumerable<Uri> servers, TimeSpan cooldown, TimeProvider time, ILogger logger)
    {
        _servers = [.. servers];
        if (_servers.Length == 0) throw new ArgumentException("At least one Glance endpoint is required.", nameof(servers));
        Random.Shared.Shuffle(_servers);
        _failedUntil = new long[_servers.Length];
        _cooldown = cooldown;
        _time = time;
        _logger = logger;
    }

    /// <summary>The endpoints in rotation order.</summary>
    public IReadOnlyList<Uri> Servers => _servers;

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
