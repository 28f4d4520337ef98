using System.Net;

namespace NovaImage.Core;

/// <summary>A response body read through a <see cref="BoundedReadStream"/>, whichever way it is read (stream, string, buffer).</summary>
internal sealed class BoundedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly ResponseBounds _bounds;
    private readonly Uri? _server;

    public BoundedContent(HttpContent inner, ResponseBounds bounds, Uri? server)
    {
        _inner = inner;
        _bounds = bounds;
        _server = server;
        foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new BoundedReadStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _bounds, _server);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
