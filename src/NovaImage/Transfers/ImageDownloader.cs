using Microsoft.Extensions.Logging;
using NovaImage.DirectStore;

namespace NovaImage.Transfers;

/// <summary>
/// The one download pipeline behind every path (Glance v2 and v1 over HTTP, direct store), owned by a client's core.
/// It streams through a fixed pooled buffer (constant memory whatever the image size), verifies size, multihash and
/// md5 in the same pass, and for files writes a temporary file beside the destination that is flushed to disk and
/// atomically renamed only once verified. HTTP attempts run through the core's one retry loop: a broken stream
/// resumes where it stopped (v2 <c>Range</c>, keeping the hash state) on the next healthy endpoint.
/// </summary>
internal sealed partial class ImageDownloader
{
    /// <summary>The size of the one transfer buffer each download rents.</summary>
    public const int BufferSize = 256 * 1024;

    /// <summary>Suffix of the temporary files written beside a destination (hidden: their name starts with a dot).</summary>
    public const string TempFileSuffix = ".novaimage-partial";

    private readonly GlanceClientCore _core;
    private readonly Dictionary<string, IDirectStoreAdapter> _adapters;
    private readonly ILogger _logger;

    /// <summary>Creates the downloader of <paramref name="core"/>'s client with its direct-store adapters by URL scheme.</summary>
    public ImageDownloader(GlanceClientCore core, Dictionary<string, IDirectStoreAdapter> adapters)
    {
        _core = core;
        _adapters = adapters;
        _logger = core.LoggerFactory.CreateLogger<ImageDownloader>();

        UnservedSchemes = core.Options.AllowedDirectUrlSchemes
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

    /// <summary>
    /// Downloads <paramref name="image"/> to <paramref name="destinationPath"/>: through a direct-store adapter when
    /// one is allowed and can serve a location (any refusal or failure falls back to HTTP), else from
    /// <paramref name="http"/> through the core's attempts. The data goes to a temporary file beside the destination,
    /// is verified, flushed to disk and atomically renamed over the destination; on any failure (cancellation
    /// included) the destination is unchanged and no temporary file is left.
    /// </summary>
    public async Task<DownloadResult> DownloadToFileAsync(
        Image image, HttpImageSource http, string destinationPath, DownloadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        options ??= new DownloadOptions();
        var destination = Path.GetFullPath(destinationPath);

        var notUsed = new List<string>();
        if (!options.AllowDirectStore)
            notUsed.Add("the direct store is disabled for this download (DownloadOptions.AllowDirectStore)");
        else if (await TryDirectStoreAsync(image, destination, options, notUsed, cancellationToken).ConfigureAwait(false) is { } direct)
            return direct;

        var outcome = await WriteFileAsync(destination, sink => CopyOverHttpAsync(image, http, sink, options, cancellationToken)).ConfigureAwait(false);
        return Result(image, outcome, DownloadPath.Http, string.Join("; ", notUsed), sourceLocation: null);
    }

    /// <summary>
    /// Downloads <paramref name="image"/> from <paramref name="http"/> into <paramref name="destination"/>, verifying
    /// as it goes and resuming broken streams like <see cref="DownloadToFileAsync"/>.
    /// </summary>
    /// <remarks>
    /// A caller's stream cannot be replaced atomically, so the bytes are written as they are verified: after a
    /// failure the stream may hold part of the data (see <see cref="IImageApi.DownloadAsync"/>). Bytes are never
    /// written twice: a stream that has to restart from byte 0 (v1 has no ranges) is re-read and checked against what
    /// was already written.
    /// </remarks>
    public async Task<DownloadResult> DownloadAsync(
        Image image, HttpImageSource http, Stream destination, DownloadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        options ??= new DownloadOptions();
        var outcome = await CopyOverHttpAsync(image, http, destination, options, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Result(image, outcome, DownloadPath.Http, "streamed to the caller's stream over HTTP", sourceLocation: null);
    }

    private async Task<DownloadResult?> TryDirectStoreAsync(
        Image image, string destination, DownloadOptions options, List<string> notUsed, CancellationToken cancellationToken)
    {
        var allowed = _core.Options.AllowedDirectUrlSchemes.Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
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
                    var opened = await adapter.OpenAsync(location, new DirectStoreContext(image, _core.Options), cancellationToken).ConfigureAwait(false);
                    if (opened.Stream is not { } stream)
                    {
                        refusal = $"{adapterName} refused: {opened.Description}";
                    }
                    else
                    {
                        // One attempt: a direct copy that fails falls back to the next location, then HTTP.
                        // The store's reads get the same stall and rate bounds as HTTP bodies (a hung mount must not hang the download).
                        var response = new ImageDataResponse(BoundedReadStream.AllowAnySize(new BoundedReadStream(stream, _core.Bounds, null)), 0, server: null);
                        await using (response.ConfigureAwait(false))
                        {
                            var outcome = await WriteFileAsync(destination, async sink =>
                            {
                                using var copy = new Transfer(image, opened.Description, sink, options, supportsRange: false);
                                return await copy.CopyAsync(response, 1, cancellationToken).ConfigureAwait(false);
                            }).ConfigureAwait(false);
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

    // The temp file beside the destination, fsynced and renamed into place only when `copy` succeeded.
    private static async Task<CopyOutcome> WriteFileAsync(string destination, Func<Stream, Task<CopyOutcome>> copy)
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
                outcome = await copy(file).ConfigureAwait(false);
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

    // Every HTTP attempt goes through the core: its endpoint rotation, its retry rule, its error translation.
    private async Task<CopyOutcome> CopyOverHttpAsync(Image image, HttpImageSource http, Stream sink, DownloadOptions options, CancellationToken cancellationToken)
    {
        using var transfer = new Transfer(image, "Glance", sink, options, http.SupportsRange);
        try
        {
            return await _core.ExecuteAsync(new GlanceCall(ImageOperation.Download, image.Id), true, async (attempt, ct) =>
            {
                if (attempt.Number > 1) Log.Resuming(_logger, image.Id, attempt.Number, attempt.Server, transfer.ResumeOffset);
                var response = await http.OpenAsync(attempt, transfer.ResumeOffset, ct).ConfigureAwait(false);
                await using (response.ConfigureAwait(false))
                {
                    return await transfer.CopyAsync(response, attempt.Number, ct).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DestinationFailedException ex)
        {
            // Writing the destination failed (e.g. a full disk): the caller's problem, not Glance's; never retried.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
    }

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

    /// <summary>Writing the destination failed: not a failure of the source, so never a reason for another attempt.</summary>
    private sealed class DestinationFailedException(Exception inner) : Exception(inner.Message, inner);
}
