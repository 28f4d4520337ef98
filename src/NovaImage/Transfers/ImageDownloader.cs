using Microsoft.Extensions.Logging;
using NovaImage.Destinations;
using NovaImage.DirectStore;
using NovaImage.Signatures;

namespace NovaImage.Transfers;

/// <summary>
/// The one download pipeline behind every path (Glance v2 and v1 over HTTP, direct store), owned by a client's core.
/// It streams through a few pooled chunks (constant memory whatever the image size), reading, hashing and writing
/// them at the same time, verifies size and the multihash (md5 only as the fallback or when asked) in the same pass, and writes files by the rules of <see cref="DestinationFile"/> (a temporary file flushed to
/// disk and atomically renamed only once verified; devices and FIFOs in place). HTTP attempts run through the core's one retry loop: a broken stream
/// resumes where it stopped (v2 <c>Range</c>, keeping the hash state) on the next healthy endpoint.
/// </summary>
internal sealed partial class ImageDownloader
{
    /// <summary>
    /// The size of each chunk a download moves: large enough that the hand over between the reading and the hashing
    /// task costs nothing next to the work on a chunk, small enough that the chunks in flight stay in the CPU caches
    /// between the socket's copy, the hashes and the file's copy (measured: 1 MiB chunks cost twice the kernel time).
    /// </summary>
    public const int ChunkSize = 256 * 1024;

    /// <summary>
    /// Chunks each download rents (its whole memory for data): one being read, one being hashed and written, and the
    /// rest absorbing the jitter between the two.
    /// </summary>
    public const int ChunkCount = 8;

    /// <summary>Suffix of the temporary files written beside a destination (hidden: their name starts with a dot).</summary>
    public const string TempFileSuffix = DestinationFile.TempFileSuffix;

    private readonly GlanceClientCore _core;
    private readonly Dictionary<string, IDirectStoreAdapter> _adapters;
    private readonly ILogger _logger;
    private readonly HashSet<string> _allowedSchemes; // allowed_direct_url_schemes, trimmed, read once per client

    /// <summary>Creates the downloader of <paramref name="core"/>'s client with its direct-store adapters by URL scheme.</summary>
    public ImageDownloader(GlanceClientCore core, Dictionary<string, IDirectStoreAdapter> adapters)
    {
        _core = core;
        _adapters = adapters;
        _logger = core.LoggerFactory.CreateLogger<ImageDownloader>();

        _allowedSchemes = core.Options.AllowedDirectUrlSchemes.Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        UnservedSchemes = _allowedSchemes
            .Select(s => s.ToLowerInvariant())
            .Where(s => !_adapters.ContainsKey(s))
            .ToArray();
        foreach (var scheme in UnservedSchemes) Log.SchemeWithoutAdapter(_logger, scheme);
    }

    /// <summary>
    /// Schemes allowed in configuration (<c>allowed_direct_url_schemes</c>) for which no adapter is registered. Each is
    /// logged as a warning when the downloader is built (the analyzer also reports it at compile time); such locations
    /// are downloaded over HTTP.
    /// </summary>
    public IReadOnlyList<string> UnservedSchemes { get; }

    /// <summary>
    /// Downloads the image <paramref name="loadImage"/> reads to <paramref name="destinationPath"/>: through a
    /// direct-store adapter when one is allowed and can serve a location (any refusal or failure falls back to HTTP),
    /// else from <paramref name="http"/> through the core's attempts. The destination is opened by the rules of
    /// <see cref="DestinationFile"/> before the image record is read, so a destination that cannot be written fails
    /// before any request. A file is written to a temporary file, verified, flushed and renamed over it (on any
    /// failure, cancellation included, it is unchanged and no temporary file is left); a device or a FIFO is written
    /// in place and after a failure may hold part of the data.
    /// </summary>
    /// <exception cref="InvalidDestinationException">The destination cannot be written; nothing was requested.</exception>
    /// <exception cref="ImageIntegrityException">
    /// The data did not verify; for a device or a FIFO the message says it now holds that unverified data.
    /// </exception>
    public Task<DownloadResult> DownloadToFileAsync(
        string destinationPath, HttpImageSource http, Func<CancellationToken, Task<Image>> loadImage, DownloadOptions? options, CancellationToken cancellationToken) =>
        RecordedAsync(http.ImageId, () => ToFileAsync(destinationPath, http, loadImage, options ?? new DownloadOptions(), cancellationToken));

    private async Task<DownloadResult> ToFileAsync(
        string destinationPath, HttpImageSource http, Func<CancellationToken, Task<Image>> loadImage, DownloadOptions options, CancellationToken cancellationToken)
    {
        var destination = DestinationFile.Open(destinationPath, new GlanceErrorContext(ImageId: http.ImageId));
        await using (destination.ConfigureAwait(false))
        {
            var image = await loadImage(cancellationToken).ConfigureAwait(false);
            var signature = await _core.Signatures.PrepareAsync(image, options, null, cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await CopyToDestinationAsync(image, http, destination, options, signature, cancellationToken).ConfigureAwait(false);
                destination.Commit();
                return result;
            }
            catch (ImageIntegrityException ex) when (destination.InPlace)
            {
                throw new ImageIntegrityException($"{ex.Reason}; {destination.Path} is {destination.Description}, written in place: {InPlaceWarning}", ex.Context, ex);
            }
            catch (ImageSignatureException ex) when (destination.InPlace)
            {
                throw new ImageSignatureException(
                    $"{ex.Reason}; {destination.Path} is {destination.Description}, written in place: {InPlaceWarning}", ex.Context, ex.CertificateId, ex);
            }
        }
    }

    private const string InPlaceWarning = "it holds the data that failed verification, which cannot be rolled back";

    private async Task<DownloadResult> CopyToDestinationAsync(
        Image image, HttpImageSource http, DestinationFile destination, DownloadOptions options, ImageSignatureCheck? signature, CancellationToken cancellationToken)
    {
        var notUsed = new List<string>();
        if (!options.AllowDirectStore)
            notUsed.Add("the direct store is disabled for this download (DownloadOptions.AllowDirectStore)");
        else if (await TryDirectStoreAsync(image, destination, options, signature, notUsed, cancellationToken).ConfigureAwait(false) is { } direct)
            return direct;

        if (await TryParallelRangesAsync(image, http, destination, options, signature, notUsed, cancellationToken).ConfigureAwait(false) is { } ranged)
            return Result(image, ranged, signature, DownloadPath.Http, string.Join("; ", notUsed), sourceLocation: null);
        var outcome = await CopyOverHttpAsync(image, http, destination.Stream, options, signature, cancellationToken).ConfigureAwait(false);
        return Result(image, outcome, signature, DownloadPath.Http, string.Join("; ", notUsed), sourceLocation: null);
    }

    // Parallel ranges when they apply (see ParallelRangeDownload); null to download one stream, with the reason noted.
    private async Task<CopyOutcome?> TryParallelRangesAsync(Image image, HttpImageSource http, DestinationFile destination, DownloadOptions options,
        ImageSignatureCheck? signature, List<string> notUsed, CancellationToken cancellationToken)
    {
        var parallelism = ParallelRangeDownload.Parallelism(options, _core.Options.DownloadParallelism);
        if (ParallelRangeDownload.WhyOneStream(image, http, destination.TemporaryFileHandle, options, parallelism) is { } why)
        {
            notUsed.Add(why);
            return null;
        }

        using var ranged = ParallelRangeDownload.Create(_core, image, http, destination.TemporaryFileHandle!, destination.Written, options, parallelism, response => NewVerifier(image, "Glance", response, options, signature));
        try
        {
            var (bytes, attempts, server, verified) = await ranged.RunAsync(cancellationToken).ConfigureAwait(false);
            notUsed.Add($"{ranged.Workers} ranges at a time");
            return new CopyOutcome(bytes, attempts, server, verified);
        }
        catch (ParallelRangeDownload.RangesIgnoredException ex)
        {
            Log.RangesIgnored(_logger, image.Id, ex.Message);
            notUsed.Add($"one stream (the server ignored a range: {ex.Message})");
            destination.StartOver();
            return null;
        }
        catch (DestinationFailedException ex)
        {
            ThrowDestinationFailure(ex);
            throw;
        }
    }

    /// <summary>
    /// Downloads the image <paramref name="loadImage"/> reads from <paramref name="http"/> into <paramref name="destination"/>, verifying
    /// as it goes and resuming broken streams like <see cref="DownloadToFileAsync"/>.
    /// </summary>
    /// <remarks>
    /// A caller's stream cannot be replaced atomically, so the bytes are written as they are verified: after a
    /// failure the stream may hold part of the data (see <see cref="IImageApi.DownloadAsync"/>). Bytes are never
    /// written twice: a stream that has to restart from byte 0 (v1 has no ranges) is re-read and checked against what
    /// was already written.
    /// </remarks>
    public Task<DownloadResult> DownloadAsync(
        Stream destination, HttpImageSource http, Func<CancellationToken, Task<Image>> loadImage, DownloadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return RecordedAsync(http.ImageId, async () =>
        {
            options ??= new DownloadOptions();
            var image = await loadImage(cancellationToken).ConfigureAwait(false);
            var signature = await _core.Signatures.PrepareAsync(image, options, null, cancellationToken).ConfigureAwait(false);
            var outcome = await CopyOverHttpAsync(image, http, destination, options, signature, cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Result(image, outcome, signature, DownloadPath.Http, "streamed to the caller's stream over HTTP", sourceLocation: null);
        });
    }

    // One download is one call in traces and metrics: the image record and every data attempt belong to it; its
    // verification outcome is counted once, and it is an active download until it ends.
    private async Task<DownloadResult> RecordedAsync(string imageId, Func<Task<DownloadResult>> download)
    {
        var telemetry = _core.Telemetry;
        using var scope = telemetry.StartCall(new GlanceCall(ImageOperation.Download, imageId), _core.KnownApiVersion());
        telemetry.DownloadStarted();
        try
        {
            var result = await download().ConfigureAwait(false);
            telemetry.Downloaded(result);
            scope?.Ended();
            return result;
        }
        catch (Exception ex) when (Failed(scope, ex))
        {
            throw; // never reached: Failed records the failure and returns false
        }
        finally
        {
            telemetry.DownloadEnded();
        }
    }

    private bool Failed(GlanceCallScope? scope, Exception failure)
    {
        if (failure is ImageIntegrityException or ImageSignatureException) _core.Telemetry.VerificationFailed();
        return scope?.Ended(failure) ?? false;
    }

    private async Task<DownloadResult?> TryDirectStoreAsync(Image image, DestinationFile destination, DownloadOptions options,
        ImageSignatureCheck? signature, List<string> notUsed, CancellationToken cancellationToken)
    {
        if (_allowedSchemes.Count == 0)
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
            if (scheme is null || !_allowedSchemes.Contains(scheme))
                refusal = $"scheme '{scheme}' is not in AllowedDirectUrlSchemes";
            else if (!_adapters.TryGetValue(scheme, out var adapter))
                refusal = $"no direct-store adapter is registered for scheme '{scheme}'";
            else
            {
                var adapterName = adapter.GetType().Name;
                Transfer? copy = null;
                try
                {
                    var opened = await adapter.OpenAsync(location, new DirectStoreContext(image, _core.Options), cancellationToken).ConfigureAwait(false);
                    if (opened.Stream is not { } stream)
                    {
                        refusal = $"{adapterName} refused: {opened.Description}";
                    }
                    else
                    {
                        // One attempt: a direct copy that fails falls back to the next location, then HTTP.
                        copy = new Transfer(image, opened.Description, destination.Stream, options, supportsRange: false,
                            response => NewVerifier(image, opened.Description, response, options, signature), bytes => _core.Telemetry.Received(bytes, DownloadPath.DirectStore));
                        // The store's reads get the same stall and rate bounds as HTTP bodies (a hung mount must not hang the download).
                        var response = new ImageDataResponse(BoundedReadStream.AllowAnySize(new BoundedReadStream(stream, _core.Bounds, null)), 0, server: null);
                        await using (response.ConfigureAwait(false))
                        {
                            var outcome = await copy.CopyAsync(response, 1, cancellationToken).ConfigureAwait(false);
                            return Result(image, outcome, signature, DownloadPath.DirectStore, $"copied by {adapterName} from {opened.Description}", location.Url);
                        }
                    }
                }
                catch (DestinationFailedException ex)
                {
                    ThrowDestinationFailure(ex); // the destination, not the store, failed: another source would fail the same way
                }
                // A record without any hash is refused whichever path serves it: no fallback to HTTP for that. Nor when
                // a device or FIFO holds bytes of the failed copy: they cannot be taken back.
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not ImageNotVerifiableException
                    && !(destination.InPlace && copy is { Written: > 0 }))
                {
                    refusal = $"{adapterName} failed: {ex.Message}";
                    Log.DirectStoreFailed(_logger, image.Id, location.Url, ex);
                    destination.StartOver();
                }
                finally
                {
                    copy?.Dispose();
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

    // Every HTTP attempt goes through the core: its endpoint rotation, its retry rule, its error translation.
    private async Task<CopyOutcome> CopyOverHttpAsync(
        Image image, HttpImageSource http, Stream sink, DownloadOptions options, ImageSignatureCheck? signature, CancellationToken cancellationToken)
    {
        using var transfer = new Transfer(image, "Glance", sink, options, http.SupportsRange,
            response => NewVerifier(image, "Glance", response, options, signature), bytes => _core.Telemetry.Received(bytes, DownloadPath.Http));
        try
        {
            return await _core.ExecuteAsync(new GlanceCall(ImageOperation.Download, image.Id), true, async (attempt, ct) =>
            {
                if (attempt.Number > 1) Log.Resuming(_logger, image.Id, attempt.Number, attempt.Server, transfer.ResumeOffset);
                var response = await http.OpenAsync(attempt, transfer.ResumeOffset, end: null, ct).ConfigureAwait(false);
                await using (response.ConfigureAwait(false))
                {
                    return await transfer.CopyAsync(response, attempt.Number, ct).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DestinationFailedException ex)
        {
            ThrowDestinationFailure(ex); // e.g. a full disk: the caller's problem, not Glance's; never retried
            throw;
        }
    }

    /// <summary>
    /// The verifier of one download from the first byte, whichever path serves it (one stream, ranges, the direct
    /// store): the image's hashes with this client's md5 policy, and the image's signature when it is verified.
    /// </summary>
    private IntegrityVerifier NewVerifier(Image image, string source, ImageDataResponse response, DownloadOptions options, ImageSignatureCheck? signature) =>
        IntegrityVerifier.Create(image, source, response.ReportedMd5, response.TotalLength, options,
            options.VerifyMd5 ?? _core.Options.VerifyMd5, signature is null ? [] : [signature.CreateDataCheck]);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowDestinationFailure(DestinationFailedException failure) =>
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure.InnerException!);

    private static DownloadResult Result(Image image, CopyOutcome outcome, ImageSignatureCheck? signature, DownloadPath path, string reason, string? sourceLocation) => new()
    {
        ImageId = image.Id,
        Bytes = outcome.Bytes,
        Path = path,
        Reason = reason,
        SourceLocation = sourceLocation,
        Server = outcome.Server,
        Verification = outcome.Verified.Verification,
        UnverifiedAlgorithm = outcome.Verified.UnverifiedAlgorithm,
        VerifiedAlgorithm = outcome.Verified.Algorithm,
        VerifiedAlgorithms = outcome.Verified.Algorithms,
        VerifiedHash = outcome.Verified.Hash,
        VerifiedSignature = signature?.Description,
        Attempts = path == DownloadPath.Http ? outcome.Attempts : 0,
    };

    private sealed record CopyOutcome(long Bytes, int Attempts, Uri? Server, VerificationOutcome Verified);

    /// <summary>Writing the destination failed: not a failure of the source, so never a reason for another attempt.</summary>
    internal sealed class DestinationFailedException(Exception inner) : Exception(inner.Message, inner);
}
