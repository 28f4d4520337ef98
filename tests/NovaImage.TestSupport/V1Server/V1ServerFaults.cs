namespace NovaImage.TestSupport.V1Server;

/// <summary>Faults a test can switch on while the server runs (for download verification and retry tests).</summary>
public sealed class V1ServerFaults
{
    private int failuresLeft;
    private int failureStatus = 503;

    /// <summary>
    /// When set, image downloads send this many bytes (with the full Content-Length) and then close the
    /// connection, as a v1 server does when its store delivers less data than the image size (§7). The client
    /// receives exactly this many bytes, then a body shorter than its Content-Length.
    /// </summary>
    public long? TruncateDownloadsAfter { get; set; }

    /// <summary>
    /// The next <paramref name="count"/> requests (any route, before authentication) are answered with
    /// <paramref name="statusCode"/> and a WebOb error body instead of being served, e.g. 503 for retry tests.
    /// </summary>
    public void FailNext(int count, int statusCode = 503)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Volatile.Write(ref failureStatus, statusCode);
        Volatile.Write(ref failuresLeft, count);
    }

    /// <summary>Takes one pending failure, if any: the status to answer with.</summary>
    internal int? TakeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref failuresLeft);
            if (left <= 0) return null;
            if (Interlocked.CompareExchange(ref failuresLeft, left - 1, left) == left) return Volatile.Read(ref failureStatus);
        }
    }
}
