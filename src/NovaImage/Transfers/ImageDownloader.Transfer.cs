using System.Buffers;

namespace NovaImage.Transfers;

internal sealed partial class ImageDownloader
{
    /// <summary>
    /// One download's state across its attempts: the pooled buffer, the verifier (hash state and verified offset),
    /// how many bytes the sink already holds, and progress. Each attempt copies one response into the sink.
    /// </summary>
    private sealed class Transfer(Image image, string sourceName, Stream sink, DownloadOptions options, bool supportsRange, Action<int> received) : IDisposable
    {
        private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        private readonly TransferProgressReporter _progress = new(options.Progress, image.Size);
        private IntegrityVerifier? _verifier;
        private long _written;                 // bytes handed to the sink (never written twice)
        private byte[]? _writtenFingerprint;   // hash of those bytes, while a restarted stream re-reads them

        /// <summary>How many bytes the sink holds.</summary>
        public long Written => _written;

        /// <summary>Where the next attempt should start: the verified offset, or 0 for a source without ranges.</summary>
        public long ResumeOffset => supportsRange ? _verifier?.Position ?? 0 : 0;

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
                _verifier = IntegrityVerifier.Create(image, sourceName, response.ReportedMd5, response.TotalLength, options);
                _progress.TotalBytes = _verifier.ExpectedSize;
            }
            else if (response.Offset != _verifier.Position)
            {
                throw new GlanceServerException(
                    $"Asked for image data from byte {_verifier.Position}, received data from byte {response.Offset}",
                    new GlanceErrorContext(image.Id, response.Server));
            }

            var verifier = _verifier;
            while (true)
            {
                var read = await response.Content.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                received(read);
                var start = verifier.Position;
                var replay = (int)Math.Clamp(_written - start, 0, read); // bytes the sink already has
                if (replay > 0)
                {
                    verifier.Append(_buffer.AsSpan(0, replay), response.Server);
                    if (verifier.Position == _written) CheckReplay(verifier, response.Server);
                }

                if (read > replay)
                {
                    verifier.Append(_buffer.AsSpan(replay, read - replay), response.Server);
                    await WriteAsync(_buffer.AsMemory(replay, read - replay), cancellationToken).ConfigureAwait(false);
                    _written += read - replay;
                }

                _progress.Report(verifier.Position);
            }

            if (verifier.Position < _written)
            {
                throw new ImageIntegrityException(
                    $"Image data from {sourceName} ended at byte {verifier.Position} on a restart, before the {_written} bytes already written",
                    new GlanceErrorContext(image.Id, response.Server));
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
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        private async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            try
            {
                await sink.WriteAsync(data, cancellationToken).ConfigureAwait(false);
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
                    $"Image data from {sourceName} changed between attempts: the first {verifier.Position} bytes re-read after a restart differ from those already written",
                    new GlanceErrorContext(image.Id, server));
            }
        }
    }
}
