using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NovaImage.DirectStore;

namespace NovaImage.Transfers;

/// <summary>
/// The one download pipeline behind every path (Glance v2 and v1 over HTTP, direct store). It streams through a
/// fixed pooled buffer (constant memory whatever the image size), verifies size, multihash and md5 in the same pass,
/// resumes a broken stream where it stopped (HTTP <c>Range</c>, keeping the hash state), and for files writes a
/// temporary file beside the destination that is flushed to disk and atomically renamed only once verified.
/// </summary>
public sealed partial class ImageDownloader
{
    /// <summary>The size of the one transfer buffer each download rents.</summary>
    public const int BufferSize = 256 * 1024;

    /// <summary>Suffix of the temporary files written beside a destination (hidden: their name starts with a dot).</summary>
    public const string TempFileSuffix = ".novaimage-partial";

    /// <summary>How long a read of image data may wait for bytes when <see cref="GlanceOptions.Timeout"/> is not set (HttpClient's default timeout).</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(100);

    private readonly GlanceOptions _options;
    private readonly Dictionary<string, IDirectStoreAdapter> _adapters;
    private readonly ILogger _logger;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _idleTimeout;

    /// <summary>Creates the downloader.</summary>
    /// <param name="options">The client's options (num_retries; timeout, which also bounds how long a read of image data may wait for bytes; allowed direct URL schemes; filesystems).</param>
    /// <param name="adapters">The direct-store adapters registered by URL scheme (the generated client passes those of its compilation).</param>
    /// <param name="logger">Receives refusals, fallbacks and resumes.</param>
    /// <param name="retryDelay">Pause before each new attempt (Nova waits 1 s; the default).</param>
    public ImageDownloader(
        GlanceOptions options,
        IReadOnlyDictionary<string, IDirectStoreAdapter> adapters,
        ILogger<ImageDownloader>? logger = null,
        TimeSpan? retryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(adapters);
        _options = options;
        _adapters = new Dictionary<string, IDirectStoreAdapter>(adapters, StringComparer.OrdinalIgnoreCase);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _retryDelay = retryDelay ?? TimeSpan.FromSeconds(1);
        _idleTimeout = options.Timeout is { } timeout && timeout > TimeSpan.Zero ? timeout : DefaultIdleTimeout;

        UnservedSchemes = options.AllowedDirectUrlSchemes
            .Select(s => s.Trim().ToLowerInvariant())
            .Where(s => s.Length > 0 && !_adapters.ContainsKey(s))
            .Distinct()
            .ToArray();
        foreach (var scheme in UnservedSchemes) Log.SchemeWithoutAdapter(_logger, scheme);
    }

    /// <summary>
    /// Schemes allowed in configuration (<c>allowed_direct_url_schemes</c>) for which no adapter is registered. Each is
    /// logged as a warning when the downloader is built (the analyzer also reports it at compile time); such locations
    /// are downloaded over HTTP.
    /// </summary>
    public IReadOnlyList<string> UnservedSchemes { get; }

    private int MaxAttempts => Math.Max(0, _options.NumRetries) + 1;

    /// <summary>
    /// Downloads <paramref name="image"/> to <paramref name="destinationPath"/>: through a direct-store adapter when
    /// one is allowed and can serve a location (any refusal or failure falls back to HTTP), else from
    /// <paramref name="http"/> with up to <see cref="GlanceOptions.NumRetries"/> resumes. The data goes to a temporary
    /// file beside the destination, is verified, flushed to disk and atomically renamed over the destination; on any
    /// failure (cancellation included) the destination is unchanged and no temporary file is left.
    /// </summary>
    /// <param name="image">The image record (its size and hashes are what the data is verified against; its locations feed the direct path).</param>
    /// <param name="http">The HTTP source (v2 or v1) used when the direct path is not taken.</param>
    /// <param name="destinationPath">The file to create or replace.</param>
    /// <param name="options">Progress, FIPS-friendly md5 skipping, direct-store opt-out.</param>
    /// <param name="cancellationToken">Cancels the download (the destination stays as it was).</param>
    /// <exception cref="ImageIntegrityException">The data did not match the image's size or hashes.</exception>
    /// <exception cref="GlanceConnectionFailedException">Every attempt broke (connection failures, 503, truncated streams).</exception>
    public async Task<DownloadResult> DownloadToFileAsync(
        Image image, IImageDataSource http, string destinationPath, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        options ??= new DownloadOptions();
        var destination = Path.GetFullPath(destinationPath);

        var notUsed = new List<string>();
        if (!options.AllowDirectStore)
            notUsed.Add("the direct store is disabled for this download (DownloadOptions.AllowDirectStore)");
        else if (await TryDirectStoreAsync(image, destination, options, notUsed, cancellationToken).ConfigureAwait(false) is { } direct)
            return direct;

        var outcome = await WriteFileAsync(image, http, destination, MaxAttempts, "Glance", options, cancellationToken).ConfigureAwait(false);
        return Result(image, outcome, DownloadPath.Http, string.Join("; ", notUsed), sourceLocation: null);
    }

    /// <summary>
    /// Downloads <paramref name="image"/> from <paramref name="http"/> into <paramref name="destination"/>, verifying
    /// as it goes and resuming broken streams like <see cref="DownloadToFileAsync"/>.
    /// </summary>
    /// <remarks>
    /// A caller's stream cannot be replaced atomically, and buffering a multi-gigabyte image in a hidden temporary file
    /// first would double the disk traffic and need space the caller never asked for. So the bytes are written as
    /// they are verified: when an <see cref="ImageIntegrityException"/> (or any failure) is raised, the stream may
    /// already have received part of the data, and the caller must discard it. Use
    /// <see cref="DownloadToFileAsync"/> for all-or-nothing. Bytes are never written twice: a stream that has to
    /// restart from byte 0 (v1 has no ranges) is re-read and checked against what was already written.
    /// </remarks>
    public async Task<DownloadResult> DownloadAsync(
        Image image, IImageDataSource http, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(destination);
        options ??= new DownloadOptions();
        var outcome = await CopyAsync(image, http, destination, MaxAttempts, "Glance", options, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Result(image, outcome, DownloadPath.Http, "streamed to the caller's stream over HTTP", sourceLocation: null);
    }

    private async Task<DownloadResult?> TryDirectStoreAsync(
        Image image, string destination, DownloadOptions options, List<string> notUsed, CancellationToken cancellationToken)
    {
        var allowed = _options.AllowedDirectUrlSchemes.Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (allowed.Count == 0)
        {
            notUsed.Add("no direct URL scheme is allowed (AllowedDirectUrlSchemes is empty)");
            return null;
        }

        var locations = DirectStoreCandidates(image);
        if (locations.Count == 0)
        {
            notUsed.Add("the image shows no location (Glance needs show_multiple_locations or show_image_direct_url)");
            return null;
        }

        foreach (var location in locations)
        {
            var scheme = SchemeOf(location.Url);
            string? refusal = null;
            if (scheme is null || !allowed.Contains(scheme))
                refusal = $"scheme '{scheme}' is not in AllowedDirectUrlSchemes";
            else if (!_adapters.TryGetValue(scheme, out var adapter))
                refusal = $"no direct-store adapter is registered for scheme '{scheme}'";
            else
            {
                var adapterName = adapter.GetType().Name;
                try
                {
                    var opened = await adapter.OpenAsync(location, new DirectStoreContext(image, _options), cancellationToken).ConfigureAwait(false);
                    if (opened.Stream is not { } stream)
                    {
                        refusal = $"{adapterName} refused: {opened.Description}";
                    }
                    else
                    {
                        await using (stream.ConfigureAwait(false))
                        {
                            var outcome = await WriteFileAsync(
                                image, new DirectStoreDataSource(stream), destination, 1, opened.Description, options, cancellationToken).ConfigureAwait(false);
                            return Result(image, outcome, DownloadPath.DirectStore, $"copied by {adapterName} from {opened.Description}", location.Url);
                        }
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    refusal = $"{adapterName} failed: {ex.Message}";
                    Log.DirectStoreFailed(_logger, image.Id, location.Url, ex);
                }
            }

            Log.DirectStoreNotUsed(_logger, image.Id, location.Url, refusal);
            notUsed.Add($"{location.Url}: {refusal}");
        }

        return null;
    }

    // Nova's order: every entry of `locations`, then `direct_url` as a location without metadata.
    private static List<ImageLocation> DirectStoreCandidates(Image image)
    {
        var candidates = image.Locations.Where(l => !string.IsNullOrEmpty(l.Url)).ToList();
        if (image.DirectUrl is { Length: > 0 } directUrl && candidates.TrueForAll(l => l.Url != directUrl))
            candidates.Add(new ImageLocation(directUrl, new Dictionary<string, string>()));
        return candidates;
    }

    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? url[..colon].ToLowerInvariant() : null;
    }

    private async Task<CopyOutcome> WriteFileAsync(
        Image image, IImageDataSource source, string destination, int maxAttempts, string sourceName, DownloadOptions options, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(destination) ?? throw new ArgumentException($"'{destination}' has no directory.", nameof(destination));
        var temp = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}{TempFileSuffix}");
        var committed = false;
        try
        {
            CopyOutcome outcome;
            var file = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0, // the pipeline's own buffer is the only one
                Options = FileOptions.Asynchronous,
            });
            await using (file.ConfigureAwait(false))
            {
                outcome = await CopyAsync(image, source, file, maxAttempts, sourceName, options, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true); // fsync: the rename must never publish a file whose data is not on disk
            }

            File.Move(temp, destination, overwrite: true); // rename(2): atomic on the same filesystem
            committed = true;
            return outcome;
        }
        finally
        {
            if (!committed) DeleteQuietly(temp);
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<CopyOutcome> CopyAsync(
        Image image, IImageDataSource source, Stream sink, int maxAttempts, string sourceName, DownloadOptions options, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var progress = new TransferProgressReporter(options.Progress, image.Size);
        IntegrityVerifier? verifier = null;
        long written = 0;                 // bytes handed to the sink (never written twice)
        byte[]? writtenFingerprint = null; // hash of those bytes, while a restarted stream re-reads them
        Exception? lastFailure = null;
        Uri? lastServer = null;
        try
        {
            for (var attempt = 1; attempt <= maxAttempts; attempt++)
            {
                if (attempt > 1) await Task.Delay(_retryDelay, cancellationToken).ConfigureAwait(false);
                var offset = source.SupportsRange ? verifier?.Position ?? 0 : 0;
                var position = verifier?.Position ?? 0;
                try
                {
                    var response = await OpenSourceAsync(source, attempt, offset, cancellationToken).ConfigureAwait(false);
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    await using (response.ConfigureAwait(false))
                    {
                        lastServer = response.Server;
                        if (verifier is null || (response.Offset == 0 && verifier.Position > 0))
                        {
                            // Fresh hash state from byte 0 (first attempt, a source without ranges, or a server that
                            // ignored the range). Remember what was already written, to check the re-read against it.
                            if (verifier is not null && written > 0 && verifier.Position == written) writtenFingerprint = verifier.Fingerprint();
                            verifier?.Dispose();
                            verifier = IntegrityVerifier.Create(image, sourceName, response.ReportedMd5, response.TotalLength, options.SkipMd5WhenMultihash);
                            progress.TotalBytes = verifier.ExpectedSize;
                        }
                        else if (response.Offset != verifier.Position)
                        {
                            throw new GlanceServerException(
                                $"Asked for image data from byte {verifier.Position}, received data from byte {response.Offset}",
                                new GlanceErrorContext(image.Id, response.Server));
                        }

                        while (true)
                        {
                            var read = await ReadSourceAsync(response.Content, buffer, idle, cancellationToken).ConfigureAwait(false);
                            if (read == 0) break;
                            var start = verifier.Position;
                            var replay = (int)Math.Clamp(written - start, 0, read); // bytes the sink already has
                            if (replay > 0)
                            {
                                verifier.Append(buffer.AsSpan(0, replay), response.Server);
                                if (verifier.Position == written) CheckReplay(image, verifier, writtenFingerprint, response.Server, sourceName);
                            }

                            if (read > replay)
                            {
                                verifier.Append(buffer.AsSpan(replay, read - replay), response.Server);
                                await sink.WriteAsync(buffer.AsMemory(replay, read - replay), cancellationToken).ConfigureAwait(false);
                                written += read - replay;
                            }

                            progress.Report(verifier.Position);
                        }

                        if (verifier.Position < written)
                        {
                            throw new ImageIntegrityException(
                                $"Image data from {sourceName} ended at byte {verifier.Position} on a restart, before the {written} bytes already written",
                                new GlanceErrorContext(image.Id, response.Server));
                        }

                        if (!verifier.IsComplete)
                        {
                            throw new TransientSourceException(new IOException(
                                $"The data stream ended after {verifier.Position} of {verifier.ExpectedSize} bytes"));
                        }

                        var (algorithm, hash) = verifier.Complete(response.Server);
                        progress.Report(verifier.Position, force: true);
                        return new CopyOutcome(verifier.Position, attempt, response.Server, algorithm, hash);
                    }
                }
                catch (TransientSourceException ex)
                {
                    lastFailure = ex.InnerException;
                    var resumeAt = source.SupportsRange ? verifier?.Position ?? 0 : 0;
                    Log.AttemptBroke(_logger, image.Id, attempt, maxAttempts, lastServer?.ToString() ?? sourceName,
                        (verifier?.Position ?? 0) - position, resumeAt, ex.InnerException);
                }
            }

            throw new GlanceConnectionFailedException(
                $"Image download from {sourceName} failed after {maxAttempts} attempt(s), {verifier?.Position ?? 0} bytes verified; last error: {lastFailure?.Message}",
                new GlanceErrorContext(image.Id, lastServer), lastFailure);
        }
        finally
        {
            verifier?.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void CheckReplay(Image image, IntegrityVerifier verifier, byte[]? expected, Uri? server, string sourceName)
    {
        if (expected is not null && !verifier.Fingerprint().AsSpan().SequenceEqual(expected))
        {
            throw new ImageIntegrityException(
                $"Image data from {sourceName} changed between attempts: the first {verifier.Position} bytes re-read after a restart differ from those already written",
                new GlanceErrorContext(image.Id, server));
        }
    }

    private static async Task<ImageDataResponse> OpenSourceAsync(IImageDataSource source, int attempt, long offset, CancellationToken cancellationToken)
    {
        try
        {
            return await source.OpenAsync(attempt, offset, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            throw new TransientSourceException(ex);
        }
    }

    // HttpClient's timeout stops at the response headers; a body that stalls would hang the download for good. Each
    // read must bring data within the idle timeout (the CancellationTokenSource's timer restarts on every read).
    private async ValueTask<int> ReadSourceAsync(Stream content, byte[] buffer, CancellationTokenSource idle, CancellationToken cancellationToken)
    {
        try
        {
            idle.CancelAfter(_idleTimeout);
            return await content.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientSourceException(new TimeoutException($"No image data arrived for {_idleTimeout.TotalSeconds:0.#} s", ex));
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            throw new TransientSourceException(ex);
        }
    }

    // Nova retries connection-level failures and 503; a broken or timed-out body read is the same kind of failure.
    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // HttpClient timeout
        HttpRequestException or IOException or GlanceConnectionFailedException => true,
        GlanceServerException { StatusCode: System.Net.HttpStatusCode.ServiceUnavailable } => true,
        _ => false,
    };

    private static DownloadResult Result(Image image, CopyOutcome outcome, DownloadPath path, string reason, string? sourceLocation) => new()
    {
        ImageId = image.Id,
        Bytes = outcome.Bytes,
        Path = path,
        Reason = reason,
        SourceLocation = sourceLocation,
        Server = outcome.Server,
        VerifiedAlgorithm = outcome.Algorithm,
        VerifiedHash = outcome.Hash,
        Attempts = path == DownloadPath.Http ? outcome.Attempts : 0,
    };

    private sealed record CopyOutcome(long Bytes, int Attempts, Uri? Server, string? Algorithm, string? Hash);

    /// <summary>A failure of the data source worth another attempt (never a failure writing the destination).</summary>
    private sealed class TransientSourceException(Exception inner) : Exception(inner.Message, inner);
}
