using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NovaImage.Core;

/// <summary>
/// A read-only body under <see cref="ResponseBounds"/>: each read must bring data within the stall timeout; the bytes
/// must average the minimum rate over each window of time spent waiting for them (one byte every few seconds never
/// trips a stall timeout, so both are needed, like curl's <c>--speed-limit</c>/<c>--speed-time</c>); and, unless
/// <see cref="AllowAnySize"/> was called (image data, whose size is checked against the image's), the body may not
/// exceed the maximum response size. A stall or a slow body raises <see cref="TimeoutException"/> (transient: the
/// core tries the next server); an oversized body raises <see cref="ResponseTooLargeException"/> (not transient).
/// </summary>
internal sealed class BoundedReadStream(Stream inner, ResponseBounds bounds, Uri? server) : Stream
{
    private long? _maxBytes = bounds.MaxResponseSize;
    private long _total;
    private long _windowBytes;
    private TimeSpan _windowWaited;
    // The stall timer, linked to the caller's token, reused read after read: a download makes thousands of reads, and
    // a timer and a linked source for each were most of what it allocated (garbage that grew the heap with the image).
    private CancellationTokenSource? _stall;
    private CancellationToken _stallLinkedTo;

    /// <summary>Lifts the size limit: the body is image data (its size is checked against the image's, not bounded here).</summary>
    public static Stream AllowAnySize(Stream stream)
    {
        if (stream is BoundedReadStream bounded) bounded._maxBytes = null;
        return stream;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_maxBytes is { } max && _total > max) throw new ResponseTooLargeException(server, max);
        // Never ask for more than one byte past the limit, so an oversized body is found without reading it.
        if (_maxBytes is { } limit && buffer.Length > limit - _total + 1) buffer = buffer[..(int)(limit - _total + 1)];
        var started = Stopwatch.GetTimestamp();
        int read;
        var stall = StallTimer(cancellationToken);
        try
        {
            read = await inner.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} sent no data for {bounds.StallTimeout.TotalSeconds:0.###} s (stall_timeout)", ex);
        }
        finally
        {
            stall.CancelAfter(Timeout.InfiniteTimeSpan); // a consumer slow between reads is not a stalled server
        }
        _total += read;
        if (_maxBytes is { } most && _total > most) throw new ResponseTooLargeException(server, most);
        CheckRate(read, Stopwatch.GetElapsedTime(started));
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous readers (rare: HttpClient and the JSON readers read asynchronously) get the same bounds.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stall?.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        _stall?.Dispose();
        return inner.DisposeAsync();
    }

    // The stall timer for one read, armed: the same source while the caller's token stays the same and nothing cancelled it.
    private CancellationTokenSource StallTimer(CancellationToken cancellationToken)
    {
        if (_stall is null || _stallLinkedTo != cancellationToken || !_stall.TryReset())
        {
            _stall?.Dispose();
            _stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _stallLinkedTo = cancellationToken;
        }
        _stall.CancelAfter(bounds.StallTimeout);
        return _stall;
    }

    private string Name => server?.GetLeftPart(UriPartial.Authority) ?? "The image source";

    // Only time spent waiting for the network counts: a consumer that is slow to read (a slow disk) is not the server's fault.
    private void CheckRate(int read, TimeSpan waited)
    {
        if (bounds.MinTransferRate <= 0 || read == 0) return;
        _windowBytes += read;
        _windowWaited += waited;
        if (_windowWaited < bounds.RateWindow) return;
        if (_windowBytes < bounds.MinTransferRate * _windowWaited.TotalSeconds)
        {
            throw new TimeoutException(
                $"{Name} sent {_windowBytes} bytes in {_windowWaited.TotalSeconds:0.###} s, below the minimum of {bounds.MinTransferRate} bytes/s (min_transfer_rate over transfer_rate_window)");
        }
        _windowBytes = 0;
        _windowWaited = TimeSpan.Zero;
    }
}
