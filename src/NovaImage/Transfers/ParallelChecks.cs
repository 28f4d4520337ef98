using System.Runtime.ExceptionServices;

namespace NovaImage.Transfers;

/// <summary>
/// Feeds one piece of data to several <see cref="IImageDataCheck"/>s at once: the first on the calling thread, each
/// other as a work item of the thread pool, then waits for all of them. Nothing is allocated per piece (the work items
/// and the countdown are reused), so a download hashing md5 and the multihash side by side makes no garbage per chunk,
/// unlike <c>Parallel.ForEach</c>, whose garbage grew the heap with the image's size.
/// </summary>
internal sealed class ParallelChecks : IDisposable
{
    private readonly IImageDataCheck _first;
    private readonly CheckWorkItem[] _others;
    private readonly CountdownEvent _pending;

    public ParallelChecks(IReadOnlyList<IImageDataCheck> checks)
    {
        _first = checks[0];
        _pending = new CountdownEvent(1);
        _others = [.. checks.Skip(1).Select(check => new CheckWorkItem(check, _pending))];
    }

    /// <summary>Feeds <paramref name="data"/> to every check; rethrows the first check's failure, if any.</summary>
    public void Append(ReadOnlyMemory<byte> data)
    {
        _pending.Reset(_others.Length);
        foreach (var other in _others) other.Start(data);
        try
        {
            _first.Append(data.Span);
        }
        finally
        {
            _pending.Wait(); // the others never outlive the call, even when the first check failed
        }

        foreach (var other in _others) other.ThrowIfFailed();
    }

    public void Dispose() => _pending.Dispose();

    private sealed class CheckWorkItem(IImageDataCheck check, CountdownEvent done) : IThreadPoolWorkItem
    {
        private ReadOnlyMemory<byte> _data;
        private ExceptionDispatchInfo? _failure;

        public void Start(ReadOnlyMemory<byte> data)
        {
            _data = data;
            _failure = null;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        public void Execute()
        {
            try
            {
                check.Append(_data.Span);
            }
            catch (Exception ex)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                _data = default;
                done.Signal();
            }
        }

        public void ThrowIfFailed() => _failure?.Throw();
    }
}
