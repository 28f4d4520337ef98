namespace NovaImage.Tests.Download;

/// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread (<see cref="Progress{T}"/> posts it later).</summary>
internal sealed class SyncProgress(Action<TransferProgress> handler) : IProgress<TransferProgress>
{
    public List<TransferProgress> Reports { get; } = [];

    public void Report(TransferProgress value)
    {
        lock (Reports) Reports.Add(value);
        handler(value);
    }
}
