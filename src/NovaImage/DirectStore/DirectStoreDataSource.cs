using NovaImage.Transfers;

namespace NovaImage.DirectStore;

/// <summary>
/// The stream an <see cref="IDirectStoreAdapter"/> opened, as a one-attempt data source for
/// <see cref="ImageDownloader"/>: a failed direct read is not retried, the download falls back to HTTP instead.
/// </summary>
internal sealed class DirectStoreDataSource(Stream stream) : IImageDataSource
{
    private bool _opened;

    public DownloadPath Path => DownloadPath.DirectStore;

    public bool SupportsRange => false;

    public ValueTask<ImageDataResponse> OpenAsync(int attempt, long offset, CancellationToken cancellationToken)
    {
        if (_opened) throw new InvalidOperationException("A direct-store stream can be read only once.");
        _opened = true;
        return ValueTask.FromResult(new ImageDataResponse(stream, 0, server: null));
    }
}
