namespace NovaImage.Transfers;

/// <summary>
/// A read-only pass-through stream that reports how much has been read, for upload progress: wrap the data given to
/// an upload and every byte the HTTP stack pulls from it is counted. Seeking back (a retried request) rewinds the count.
/// With a promised size it also refuses to deliver more than that.
/// </summary>
internal sealed class ProgressReportingStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly TransferProgressReporter _reporter;
    private readonly (long Size, string ImageId)? _promised;
    private readonly long _start;
    private long _position;
    private readonly Action<int>? _sent;
    private bool _finished;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The data being uploaded.</param>
    /// <param name="progress">Receives the reports.</param>
    /// <param name="totalBytes">The expected total (defaults to the stream's length when it can tell).</param>
    /// <param name="leaveOpen">Leave <paramref name="inner"/> open when this stream is disposed.</param>
    /// <param name="promised">
    /// The size the caller promised for the upload (<see cref="UploadOptions.Size"/>) and the image: reading past it
    /// throws <see cref="ImageIntegrityException"/> before the extra bytes are handed to the HTTP stack.
    /// </param>
    /// <param name="sent">Told how many bytes each read delivered (the upload's bytes metric).</param>
    public ProgressReportingStream(Stream inner, IProgress<TransferProgress>? progress, long? totalBytes = null, bool leaveOpen = false,
        (long Size, string ImageId)? promised = null, Action<int>? sent = null)
    {
        _sent = sent;
        ArgumentNullException.ThrowIfNull(inner);
        if (!inner.CanRead) throw new ArgumentException("The stream must be readable.", nameof(inner));
        _inner = inner;
        _promised = promised;
        _start = inner.CanSeek ? inner.Position : 0;
        _leaveOpen = leaveOpen;
        _position = inner.CanSeek ? inner.Position : 0;
        _reporter = new TransferProgressReporter(progress, totalBytes ?? (inner.CanSeek ? inner.Length : null));
    }

    /// <inheritdoc />
    public override bool CanRead => true;
    /// <inheritdoc />
    public override bool CanSeek => _inner.CanSeek;
    /// <inheritdoc />
    public override bool CanWrite => false;
    /// <inheritdoc />
    public override long Length => _inner.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => _inner.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        _position = _inner.Seek(offset, origin);
        _finished = false;
        _reporter.Report(_position, force: true);
        return _position;
    }

    /// <inheritdoc />
    public override void Flush() { }
    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen) _inner.Dispose();
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (!_leaveOpen) await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Count(int read)
    {
        _position += read;
        if (_promised is { } promised && _position - _start > promised.Size)
        {
            // A file that grew after its size was taken, or a stream longer than declared: stopped here, as the
            // integrity failure it is (HttpClient would fail with a transport error, v1 Glance with a 400).
            throw new ImageIntegrityException(
                $"Upload data is larger than promised: {promised.Size} bytes were declared (UploadOptions.Size), the stream holds at least {_position - _start}",
                new GlanceErrorContext(promised.ImageId));
        }

        if (read == 0 && !_finished)
        {
            _finished = true;
            _reporter.Report(_position, force: true);
        }
        else if (read > 0)
        {
            _sent?.Invoke(read);
            _reporter.Report(_position);
        }

        return read;
    }
}
