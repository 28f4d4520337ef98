namespace NovaImage.Transfers;

/// <summary>One opened stream of image data (an HTTP answer or a direct-store file).</summary>
internal sealed class ImageDataResponse : IAsyncDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>Creates the response.</summary>
    /// <param name="content">The data, starting at <paramref name="offset"/>.</param>
    /// <param name="offset">The image offset of the first byte of <paramref name="content"/>.</param>
    /// <param name="server">The Glance endpoint that served it (null for a direct-store read).</param>
    /// <param name="totalLength">The image's full length as the source reports it, when known.</param>
    /// <param name="reportedMd5">An md5 the source reports for the whole image (Content-MD5, v1 ETag), when any.</param>
    /// <param name="owner">Disposed with the response (e.g. the <see cref="HttpResponseMessage"/>).</param>
    public ImageDataResponse(Stream content, long offset, Uri? server, long? totalLength = null, string? reportedMd5 = null, IDisposable? owner = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Content = content;
        Offset = offset;
        Server = server;
        TotalLength = totalLength;
        ReportedMd5 = reportedMd5;
        _owner = owner;
    }

    /// <summary>The data.</summary>
    public Stream Content { get; }
    /// <summary>The image offset of the first byte of <see cref="Content"/>.</summary>
    public long Offset { get; }
    /// <summary>The Glance endpoint that served the data (null for a direct-store read).</summary>
    public Uri? Server { get; }
    /// <summary>The image's full length as the source reports it, when known.</summary>
    public long? TotalLength { get; }
    /// <summary>An md5 of the whole image reported by the source, when any.</summary>
    public string? ReportedMd5 { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }
}
