using System.Diagnostics;

namespace NovaImage.Transfers;

/// <summary>
/// Turns byte counts into <see cref="TransferProgress"/> reports: at most one every <see cref="Interval"/>, plus the
/// final one, with the average rate since the transfer started.
/// </summary>
internal sealed class TransferProgressReporter(IProgress<TransferProgress>? progress, long? totalBytes)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastReport;

    public long? TotalBytes { get; set; } = totalBytes;

    /// <summary>Reports <paramref name="bytesTransferred"/> unless a report was made less than the interval ago.</summary>
    public void Report(long bytesTransferred, bool force = false)
    {
        if (progress is null) return;
        var now = _clock.Elapsed;
        if (!force && now - _lastReport < Interval) return; // no report yet: the comparison is false
        _lastReport = now;
        var seconds = now.TotalSeconds;
        progress.Report(new TransferProgress(bytesTransferred, TotalBytes, seconds > 0 ? bytesTransferred / seconds : 0));
    }
}
