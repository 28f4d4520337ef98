using System.Globalization;
using System.Net;

namespace NovaImage.Transfers;

/// <summary>
/// Sends the request of one attempt of an HTTP image download: picks the api server for <paramref name="attempt"/>
/// (the caller's server rotation decides), asks for the data from <paramref name="offset"/> (send
/// <see cref="HttpImageDataSource.RangeFrom"/> as the <c>Range</c> header when the API supports it), and returns
/// the answer with its headers read and its body not yet consumed.
/// </summary>
public delegate Task<HttpImageDataAnswer> HttpImageDataRequest(int attempt, long offset, CancellationToken cancellationToken);

/// <summary>
/// Image data from Glance over HTTP: v2 (<c>GET /v2/images/{id}/file</c>, ranges supported) or v1
/// (<c>GET /v1/images/{id}</c>, no ranges). Interprets 200, 206, 204 and the error statuses; the request itself
/// (and so the choice of server per attempt) comes from an <see cref="HttpImageDataRequest"/>.
/// </summary>
public sealed class HttpImageDataSource : IImageDataSource
{
    private readonly string _imageId;
    private readonly HttpImageDataRequest _request;

    /// <summary>Creates the source.</summary>
    /// <param name="imageId">The image (named in errors).</param>
    /// <param name="supportsRange">True for v2; false for v1, whose data GET has no ranges.</param>
    /// <param name="request">Sends the request of each attempt.</param>
    public HttpImageDataSource(string imageId, bool supportsRange, HttpImageDataRequest request)
    {
        ArgumentException.ThrowIfNullOrEmpty(imageId);
        ArgumentNullException.ThrowIfNull(request);
        _imageId = imageId;
        SupportsRange = supportsRange;
        _request = request;
    }

    /// <inheritdoc />
    public DownloadPath Path => DownloadPath.Http;

    /// <inheritdoc />
    public bool SupportsRange { get; }

    /// <summary>
    /// The Glance v2 source: <c>GET /v2/images/{id}/file</c>, resumed with <c>Range: bytes=N-</c>.
    /// <paramref name="serverForAttempt"/> gives the api server and its client for each attempt (1-based).
    /// </summary>
    public static HttpImageDataSource ForV2(string imageId, Func<int, (Uri Server, V2.IGlanceV2Api Api)> serverForAttempt)
    {
        ArgumentNullException.ThrowIfNull(serverForAttempt);
        return new HttpImageDataSource(imageId, supportsRange: true, async (attempt, offset, cancellationToken) =>
        {
            var (server, api) = serverForAttempt(attempt);
            var response = await api.DownloadImageDataAsync(imageId, RangeFrom(offset), cancellationToken).ConfigureAwait(false);
            return HttpImageDataAnswer.FromApiResponse(server, response);
        });
    }

    /// <summary>
    /// The Glance v1 source: <c>GET /v1/images/{id}</c>, which has no ranges, so every attempt restarts from byte 0
    /// (the downloader re-verifies from a fresh hash state). <paramref name="serverForAttempt"/> gives the api server
    /// and its client for each attempt (1-based).
    /// </summary>
    public static HttpImageDataSource ForV1(string imageId, Func<int, (Uri Server, V1.IGlanceV1Api Api)> serverForAttempt)
    {
        ArgumentNullException.ThrowIfNull(serverForAttempt);
        return new HttpImageDataSource(imageId, supportsRange: false, async (attempt, _, cancellationToken) =>
        {
            var (server, api) = serverForAttempt(attempt);
            var response = await api.DownloadImageAsync(imageId, cancellationToken).ConfigureAwait(false);
            return HttpImageDataAnswer.FromResponse(server, response);
        });
    }

    /// <summary>The <c>Range</c> header value for a download from <paramref name="offset"/> (<c>bytes=N-</c>), or null from byte 0.</summary>
    public static string? RangeFrom(long offset) =>
        offset > 0 ? string.Create(CultureInfo.InvariantCulture, $"bytes={offset}-") : null;

    /// <inheritdoc />
    public async ValueTask<ImageDataResponse> OpenAsync(int attempt, long offset, CancellationToken cancellationToken)
    {
        var answer = await _request(attempt, SupportsRange ? offset : 0, cancellationToken).ConfigureAwait(false);
        try
        {
            var contentHeaders = answer.ContentHeaders;
            switch (answer.Status)
            {
                case HttpStatusCode.OK:
                    return new ImageDataResponse(
                        await answer.ReadBodyAsync(cancellationToken).ConfigureAwait(false), 0, answer.Server,
                        contentHeaders?.ContentLength, ReportedMd5(answer), answer);
                case HttpStatusCode.PartialContent:
                    var range = contentHeaders?.ContentRange;
                    if (range is not { HasRange: true, From: { } from } || !string.Equals(range.Unit, "bytes", StringComparison.OrdinalIgnoreCase))
                        throw new GlanceServerException($"Glance answered 206 without a usable Content-Range ({range})", Context(answer));
                    return new ImageDataResponse(
                        await answer.ReadBodyAsync(cancellationToken).ConfigureAwait(false), from, answer.Server,
                        range.Length, ReportedMd5(answer), answer);
                case HttpStatusCode.NoContent:
                    throw new ImageConflictException(
                        "The image has no data to download (Glance answered 204: the image is not active, or its store lost the data)",
                        Context(answer));
                default:
                    throw await ErrorAsync(answer, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            answer.Dispose();
            throw;
        }
    }

    // Glance v2 sends the image's md5 as hex Content-MD5 (on 206 too); v1 sends x-image-meta-checksum and an ETag.
    private static string? ReportedMd5(HttpImageDataAnswer answer)
    {
        if (answer.ContentHeaders?.TryGetValues("Content-MD5", out var md5) == true) return md5.FirstOrDefault();
        if (answer.Headers?.TryGetValues("x-image-meta-checksum", out var checksum) == true) return checksum.FirstOrDefault();
        return answer.Headers?.ETag is { } etag ? etag.Tag.Trim('"') : null;
    }

    private GlanceErrorContext Context(HttpImageDataAnswer answer) =>
        new(_imageId, answer.Server, answer.Status, null,
            answer.Headers?.TryGetValues("x-openstack-request-id", out var ids) == true ? ids.FirstOrDefault() : null);

    private async Task<GlanceException> ErrorAsync(HttpImageDataAnswer answer, CancellationToken cancellationToken)
    {
        var body = await answer.ReadErrorBodyAsync(cancellationToken).ConfigureAwait(false);
        return GlanceErrorTranslator.FromResponse(ImageOperation.Download, _imageId, answer.Server, answer.Status, body, answer.Headers, null);
    }
}
