namespace NovaImage.Core;

/// <summary>
/// The client's endpoints, shuffled once (as Nova shuffles <c>api_servers</c> per client) and then handed out
/// round-robin: every attempt, first or retry, takes the next one.
/// </summary>
internal sealed class ServerRotation
{
    private readonly Uri[] _servers;
    private int _next = -1;

    public ServerRotation(IEnumerable<Uri> servers, Random random)
    {
        _servers = [.. servers];
        if (_servers.Length == 0) throw new ArgumentException("At least one Glance endpoint is required.", nameof(servers));
        random.Shuffle(_servers);
    }

    /// <summary>The endpoints in rotation order.</summary>
    public IReadOnlyList<Uri> Servers => _servers;

    /// <summary>The endpoint for the next attempt.</summary>
    public Uri Next() => _servers[(int)((uint)Interlocked.Increment(ref _next) % (uint)_servers.Length)];
}
