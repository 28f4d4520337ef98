using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace NovaImage.Transfers;

internal sealed partial class ImageDownloader
{
    /// <summary>
    /// One download's state across its attempts: the pooled chunks, the verifier (hash state and verified offset),
    /// how many bytes the sink already holds, and progress. Each attempt copies one response into the sink through a
    /// bounded pipeline: this task reads the source into chunks while another hashes (every check on its own core) and
    /// writes the chunks before, so reading, hashing and writing overlap and memory stays at <see cref="ChunkCount"/>
    /// chunks whatever the image size.
    /// </summary>
    private sealed class Transfer : IDisposable
    {
        private readonly Image _image;
        private readonly string _sourceName;
        private readonly Stream _sink;
        private readonly bool _supportsRange;
        private readonly Func<ImageDataResponse, IntegrityVerifier> _newVerifier;
        private readonly Action<int> _received;
        private readonly byte[][] _chunks;
        private readonly TransferProgressReporter _progress;
        private IntegrityVerifier? _verifier;
        private long _written;                 // bytes handed to the sink (never written twice)
        private byte[]? _writtenFingerprint;   // hash of those bytes, while a restarted stream re-reads them

        /// <param name="image">The image (its size and hashes).</param>
        /// <param name="sourceName">Where the data comes from, for messages.</param>
        /// <param name="sink">Where the data goes.</param>
        /// <param name="options">The download's options.</param>
        /// <param name="supportsRange">Whether an attempt can resume at an offset.</param>
        /// <param name="newVerifier">Builds the verifier for data from byte 0 (on the first answer, and again on a restart).</param>
        /// <param name="received">Told how many bytes each read of the source delivered (the client's bytes metric).</param>
        public Transfer(Image image, string sourceName, Stream sink, DownloadOptions options, bool supportsRange,
            Func<ImageDataResponse, IntegrityVerifier> newVerifier, Action<int> received)
        {
            _received = received;
            _image = image;
            _sourceName = sourceName;
            _sink = sink;
            _supportsRange = supportsRange;
            _newVerifier = newVerifier;
            _progress = new TransferProgressReporter(options.Progress, image.Size);
            _chunks = new byte[ChunkCount][];
            for (var i = 0; i < _chunks.Length; i++) _chunks[i] = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
        }

        /// <summary>How many bytes the sink holds.</summary>
        public long Written => _written;

        /// <summary>Where the next attempt should start: the verified offset, or 0 for a source without ranges.</summary>
        public long ResumeOffset => _supportsRange ? _verifier?.Position ?? 0 : 0;

        /// <summary>Copies <paramref name="response"/> into the sink, verifying; returns once the whole image is verified.</summary>
        /// <exception cref="IOException">The stream broke or ended short (another attempt may resume it).</exception>
        /// <exception cref="TimeoutException">The data stalled or arrived too slowly (see <see cref="Core.BoundedReadStream"/>).</exception>
        public async Task<CopyOutcome> CopyAsync(ImageDataResponse response, int attempt, CancellationToken cancellationToken)
        {
            if (_verifier is null || (response.Offset == 0 && _verifier.Position > 0))
            {
                // Fresh hash state from byte 0 (first attempt, a source without ranges, or a server that ignored the
                // range). Remember what was already written, to check the re-read against it.
                if (_verifier is not null && _written > 0 && _verifier.Position == _written) _writtenFingerprint = _verifier.Fingerprint();
                _verifier?.Dispose();
                _verifier = null;
                _verifier = _newVerifier(response);
                _progress.TotalBytes = _verifier.ExpectedSize;
            }
            else if (response.Offset != _verifier.Position)
            {
                throw new GlanceServerException(
                    $"Asked for image data from byte {_verifier.Position}, received data from byte {response.Offset}",
                    new GlanceErrorContext(_image.Id, response.Server));
            }

            var verifier = _verifier;
            await PumpAsync(response, verifier, cancellationToken).ConfigureAwait(false);

            if (verifier.Position < _written)
            {
                throw new ImageIntegrityException(
                    $"Image data from {_sourceName} ended at byte {verifier.Position} on a restart, before the {_written} bytes already written",
                    new GlanceErrorContext(_image.Id, response.Server));
            }

            if (!verifier.IsComplete)
                throw new IOException($"The image data stream ended after {verifier.Position} of {verifier.ExpectedSize} bytes");

            var verified = verifier.Complete(response.Server);
            _progress.Report(verifier.Position, force: true);
            return new CopyOutcome(verifier.Position, attempt, response.Server, verified);
        }

        public void Dispose()
        {
            _verifier?.Dispose();
            foreach (var chunk in _chunks) System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        // Reads on this task, verifies and writes on another. Every chunk read before the source broke is still
        // verified and written, so the next attempt resumes after it; the first failure of the consuming side stops
        // the reading at once. Both sides are always awaited: no exception is left unobserved.
        private async Task PumpAsync(ImageDataResponse response, IntegrityVerifier verifier, CancellationToken cancellationToken)
        {
            // One reader and one writer each: their waits reuse one operation instead of allocating one per chunk.
            var free = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(_chunks.Length) { SingleReader = true, SingleWriter = true });
            foreach (var chunk in _chunks) free.Writer.TryWrite(chunk);
            var filled = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(_chunks.Length) { SingleReader = true, SingleWriter = true });
            using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            var consumer = Task.Run(() => ConsumeAsync(filled.Reader, free.Writer, verifier, response.Server, stopReading, cancellationToken), CancellationToken.None);
            ExceptionDispatchInfo? readFailure = null;
            try
            {
                await ReadAsync(response.Content, free.Reader, filled.Writer, _received, stopReading.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                readFailure = ExceptionDispatchInfo.Capture(ex);
            }

            // The consumer's failure (a mismatch, the destination, cancellation) is the cause when it failed: the
            // reader then only saw its own cancellation, or a source error that no longer matters.
            await consumer.ConfigureAwait(false);
            readFailure?.Throw();
        }

        private static async Task ReadAsync(Stream content, ChannelReader<byte[]> free, ChannelWriter<Chunk> filled, Action<int> received, CancellationToken cancellationToken)
        {
            try
            {
                var end = false;
                while (!end)
                {
                    var chunk = await free.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var length = 0;
                    try
                    {
                        // Fill the chunk: fewer, larger pieces for the hashes and the writes.
                        while (length < chunk.Length)
                        {
                            var read = await content.ReadAsync(chunk.AsMemory(length), cancellationToken).ConfigureAwait(false);
                            if (read == 0)
                            {
                                end = true;
                                break;
                            }

                            length += read;
                            received(read);
                        }
                    }
                    finally
                    {
                        // Bytes read before a failure are good: hand them on (the channel has room for every chunk).
                        if (length > 0) filled.TryWrite(new Chunk(chunk, length));
                    }
                }
            }
            finally
            {
                filled.TryComplete();
            }
        }

        private async Task ConsumeAsync(ChannelReader<Chunk> filled, ChannelWriter<byte[]> free, IntegrityVerifier verifier,
            Uri? server, CancellationTokenSource stopReading, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var chunk in filled.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    await VerifyAndWriteAsync(chunk.Buffer.AsMemory(0, chunk.Length), verifier, server, cancellationToken).ConfigureAwait(false);
                    _progress.Report(verifier.Position);
                    free.TryWrite(chunk.Buffer);
                }
            }
            catch
            {
                await stopReading.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        // Pooled: one call per chunk, thousands per image (no garbage growing the heap with the image's size).
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask VerifyAndWriteAsync(ReadOnlyMemory<byte> data, IntegrityVerifier verifier, Uri? server, CancellationToken cancellationToken)
        {
            var replay = (int)Math.Clamp(_written - verifier.Position, 0, data.Length); // bytes the sink already has
            if (replay > 0)
            {
                verifier.Append(data[..replay], server);
                if (verifier.Position == _written) CheckReplay(verifier, server);
            }

            if (data.Length > replay)
            {
                var fresh = data[replay..];
                verifier.EnsureFits(fresh.Length, server); // the first byte past the image's size is never written
                // The write runs (on the thread pool, for a file) while the checks hash the same bytes.
                var write = WriteAsync(fresh, cancellationToken);
                try
                {
                    verifier.Append(fresh, server);
                }
                finally
                {
                    await write.ConfigureAwait(false);
                }

                _written += fresh.Length;
            }
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            try
            {
                await _sink.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new DestinationFailedException(ex);
            }
        }

        private void CheckReplay(IntegrityVerifier verifier, Uri? server)
        {
            if (_writtenFingerprint is not null && !verifier.Fingerprint().AsSpan().SequenceEqual(_writtenFingerprint))
            {
                throw new ImageIntegrityException(
                    $"Image data from {_sourceName} changed between attempts: the first {verifier.Position} bytes re-read after a restart differ from those already written",
                    new GlanceErrorContext(_image.Id, server));
            }
        }
    }

    /// <summary>A filled chunk: the first <paramref name="Length"/> bytes of <paramref name="Buffer"/>.</summary>
    private readonly record struct Chunk(byte[] Buffer, int Length);
}
