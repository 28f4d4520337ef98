namespace NovaImage.Transfers;

/// <summary>
/// Where <see cref="ImageDownloader"/> reads an image's bytes from: Glance v2 or v1 over HTTP
/// (<see cref="HttpImageDataSource"/>) or a direct-store adapter. The downloader asks for the data once per attempt,
/// at the offset it has verified so far.
/// </summary>
public interface IImageDataSource
{
    /// <summary>Whether the bytes come from Glance over HTTP or straight from the store.</summary>
    DownloadPath Path { get; }

    /// <summary>
    /// Whether <see cref="OpenAsync"/> can start at a non-zero offset (HTTP <c>Range</c>). When false, every retry
    /// starts again from byte 0 and the downloader re-verifies from a fresh hash state.
    /// </summary>
    bool SupportsRange { get; }

    /// <summary>
    /// Opens the data for attempt <paramref name="attempt"/> (1-based), starting at <paramref name="offset"/> when
    /// <see cref="SupportsRange"/>. The answer says where its content really starts (a server may ignore a range).
    /// </summary>
    /// <exception cref="GlanceException">The source refused (e.g. 404, 403); 503 and connection failures are retried.</exception>
    ValueTask<ImageDataResponse> OpenAsync(int attempt, long offset, CancellationToken cancellationToken);
}
