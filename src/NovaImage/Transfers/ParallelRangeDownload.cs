using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;
using NovaImage.Core;

namespace NovaImage.Transfers;

/// <summary>
/// One Glance v2 download split into ranges of <see cref="DownloadOptions.RangeSize"/> bytes (default <see cref="DefaultRangeSize"/>), fetched by
/// <see cref="DownloadOptions.Parallelism"/> (else <see cref="GlanceOptions.DownloadParallelism"/>) workers at once (each range one ranged GET through the core's retry loop,
/// so consecutive requests go round-robin over the healthy <c>api_servers</c>, and a broken range is resumed where it
/// stopped on the next one) and written with positioned writes into the destination's temporary file. The integrity
/// verifier must see the bytes in order: a hasher follows the contiguous written prefix and reads it back from the file
/// (the page cache, as the bytes were just written), so memory stays at one buffer per worker whatever the image size
/// and however far a slow range lags the others. The caller commits the file only after <see cref="RunAsync"/>
/// returned; on any failure or cancellation every worker has stopped writing before the exception leaves.
/// </summary>
internal sealed class ParallelRangeDownload : IDisposable
{
    /// <summary>
    /// Bytes per ranged request: small enough that the verified prefix follows the downloads closely (the hasher is
    /// never more than about one range per worker behind), large enough that a request's overhead is negligible.
    /// Measured against 16 MiB (NativeAOT CLI, 4 workers, quiet 2-core machine): 1 GiB 1.67 s → 1.50 s, 4 GiB
    /// 6.95 s → 5.60 s, and peak memory at 4 GiB 33.8 → 32.3 MiB (each request costs ~26 KB of garbage).
    /// </summary>
    public const int DefaultRangeSize = 64 * 1024 * 1024;

    private readonly GlanceClientCore _core;
    private readonly Image _image;
    private readonly long _size;
    private readonly HttpImageSource _http;
    private readonly SafeFileHandle _file;
    private readonly Action<int> _fileWritten;
    private readonly DownloadOptions _options;
    private readonly Func<ImageDataResponse, IntegrityVerifier> _newVerifier;
    private readonly int _rangeSize;
    private readonly int _parallelism;
    private readonly int _rangeCount;
    private readonly long[] _received;            // bytes written of each range, from its start (only ever grows)
    private readonly SemaphoreSlim _written = new(0); // released after writes, so the hasher looks again
    private readonly TransferProgressReporter _progress;
    private readonly object _gate = new();
    private IntegrityVerifier? _verifier;         // built from the first answer (its Content-MD5 counts when the record has no hash)
    private Uri? _server;
    private int _nextRange = -1;
    private int _attempts;

    private ParallelRangeDownload(GlanceClientCore core, Image image, long size, HttpImageSource http, SafeFileHandle file, Action<int> fileWritten,
        DownloadOptions options, int parallelism, Func<ImageDataResponse, IntegrityVerifier> newVerifier)
    {
        _parallelism = parallelism;
        _fileWritten = fileWritten;
        _newVerifier = newVerifier;
        _core = core;
        _image = image;
        _size = size;
        _http = http;
        _file = file;
        _options = options;
        _rangeSize = options.RangeSize;
        _rangeCount = (int)((size + _rangeSize - 1) / _rangeSize);
        _received = new long[_rangeCount];
        _progress = new TransferProgressReporter(options.Progress, size);
    }

    /// <summary>How many ranges are fetched at once.</summary>
    public int Workers => Math.Min(_parallelism, _rangeCount);

    /// <summary>
    /// How many ranges a download fetches at once: <see cref="DownloadOptions.Parallelism"/>, else
    /// <paramref name="configured"/> (<see cref="GlanceOptions.DownloadParallelism"/>, validated at start).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value that applies is below 1.</exception>
    public static int Parallelism(DownloadOptions options, int configured) => options.Parallelism switch
    {
        null when configured < 1 => throw new ArgumentOutOfRangeException(nameof(configured), configured, "GlanceOptions.DownloadParallelism ([glance] download_parallelism) must be at least 1."),
        null => configured,
        < 1 => throw new ArgumentOutOfRangeException(nameof(options), options.Parallelism, "DownloadOptions.Parallelism must be at least 1."),
        { } value => value,
    };

    /// <summary>
    /// Why <paramref name="image"/> is downloaded as one stream, or null when it is split into ranges: ranges need
    /// Glance v2, a known size of at least <see cref="DownloadOptions.ParallelMinimumImageSize"/>, a file written through
    /// a temporary file, and a <paramref name="parallelism"/> (see <see cref="Parallelism"/>) above 1.
    /// </summary>
    public static string? WhyOneStream(Image image, HttpImageSource http, SafeFileHandle? file, DownloadOptions options, int parallelism)
    {
        if (parallelism == 1)
            return options.Parallelism is null ? "one stream ([glance] download_parallelism is 1)" : "one stream (DownloadOptions.Parallelism is 1)";
        if (!http.SupportsRange) return "one stream (the API version has no ranges)";
        if (file is null) return "one stream (the destination is written in place)";
        if (image.Size is not { } size) return "one stream (the image's size is unknown)";
        if (size < options.ParallelMinimumSize || size <= options.RangeSize)
            return $"one stream (the image is smaller than {options.ParallelMinimumSize / (1024.0 * 1024):0.#} MiB)";
        return null;
    }

    /// <summary>
    /// Starts a download that <see cref="WhyOneStream"/> allowed, into <paramref name="file"/>; <paramref name="fileWritten"/>
    /// is told the size of every write (from several workers at once).
    /// </summary>
    public static ParallelRangeDownload Create(GlanceClientCore core, Image image, HttpImageSource http, SafeFileHandle file, Action<int> fileWritten,
        DownloadOptions options, int parallelism, Func<ImageDataResponse, IntegrityVerifier> newVerifier) =>
        new(core, image, image.Size!.Value, http, file, fileWritten, options, parallelism, newVerifier);

    /// <summary>Fetches every range into the file and verifies the whole image in order.</summary>
    /// <exception cref="RangesIgnoredException">The server answered a range with data from another offset; nothing written counts.</exception>
    /// <exception cref="ImageDownloader.DestinationFailedException">Writing the file failed.</exception>
    public async Task<(long Bytes, int Attempts, Uri? Server, VerificationOutcome Verified)> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? firstFailure = null;

        // The first failure stops the others; it is the one reported (theirs are the cancellation it caused).
        async Task<T> Run<T>(Func<CancellationToken, Task<T>> work)
        {
            try
            {
                return await work(stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                if (!(ex is OperationCanceledException && stop.IsCancellationRequested)) Interlocked.CompareExchange(ref firstFailure, ex, null);
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        var verifying = Task.Run(() => Run(VerifyInOrderAsync), CancellationToken.None);
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => Run(FetchRangesAsync), CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll([verifying, .. workers]).ConfigureAwait(false);
        }
        catch when (firstFailure is not null && !cancellationToken.IsCancellationRequested)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstFailure);
        }

        return (_size, _attempts, _server, verifying.Result);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _verifier?.Dispose();
        _written.Dispose();
    }

    private async Task<bool> FetchRangesAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ImageDownloader.ChunkSize);
        try
        {
            for (var range = Interlocked.Increment(ref _nextRange); range < _rangeCount; range = Interlocked.Increment(ref _nextRange))
                await FetchRangeAsync(range, buffer, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // One range through the core's retry loop: every attempt asks for what the range still lacks.
    private Task<bool> FetchRangeAsync(int range, byte[] buffer, CancellationToken cancellationToken)
    {
        var start = (long)range * _rangeSize;
        var end = Math.Min(_size, start + _rangeSize);
        return _core.ExecuteAsync(new GlanceCall(ImageOperation.Download, _image.Id), true, async (attempt, ct) =>
        {
            Interlocked.Increment(ref _attempts);
            var position = start + Volatile.Read(ref _received[range]);
            var response = await _http.OpenAsync(attempt, position, end, ct).ConfigureAwait(false);
            await using (response.ConfigureAwait(false))
            {
                if (response.Offset != position)
                    throw new RangesIgnoredException($"asked for bytes {position}-{end - 1}, {response.Server} sent data from byte {response.Offset}");
                EnsureVerifier(response);
                while (position < end)
                {
                    var read = await response.Content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, end - position)), ct).ConfigureAwait(false);
                    if (read == 0) throw new IOException($"The image data range {start}-{end - 1} ended at byte {position}");
                    _core.Telemetry.Received(read, DownloadPath.Http);
                    await WriteAsync(buffer.AsMemory(0, read), position, ct).ConfigureAwait(false);
                    position += read;
                    Volatile.Write(ref _received[range], position - start);
                    if (_written.CurrentCount == 0) _written.Release(); // a spare release only costs the hasher one look
                }
                _server = response.Server;
            }
            return true;
        }, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))] // one call per read: no garbage per chunk
    private async ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, CancellationToken cancellationToken)
    {
        try
        {
            await RandomAccess.WriteAsync(_file, data, offset, cancellationToken).ConfigureAwait(false);
            _fileWritten(data.Length);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImageDownloader.DestinationFailedException(ex);
        }
    }

    private void EnsureVerifier(ImageDataResponse response)
    {
        lock (_gate)
            _verifier ??= _newVerifier(response);
        if (_written.CurrentCount == 0) _written.Release();
    }

    // Follows the contiguous written prefix, reading it back from the file into the verifier.
    private async Task<VerificationOutcome> VerifyInOrderAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ImageDownloader.ChunkSize);
        try
        {
            long verified = 0;
            var range = 0;
            while (true)
            {
                while (range < _rangeCount && Volatile.Read(ref _received[range]) == RangeLength(range)) range++;
                var available = range == _rangeCount ? _size : (long)range * _rangeSize + Volatile.Read(ref _received[range]);
                var verifier = Volatile.Read(ref _verifier);
                if (verifier is null || available == verified)
                {
                    if (verified == _size && verifier is not null) break;
                    await _written.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                while (verified < available)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var read = RandomAccess.Read(_file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, available - verified)), verified);
                    if (read == 0) throw new IOException($"The temporary file ended at byte {verified}, before the {available} bytes written");
                    verifier.Append(buffer.AsMemory(0, read), _server);
                    verified += read;
                    _progress.Report(verified);
                }
            }

            var outcome = _verifier!.Complete(_server);
            _progress.Report(verified, force: true);
            return outcome;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private long RangeLength(int range) => Math.Min(_rangeSize, _size - (long)range * _rangeSize);

    /// <summary>The server answered a ranged request with other bytes (e.g. a whole 200): the download falls back to one stream.</summary>
    internal sealed class RangesIgnoredException(string message) : Exception(message);
}
