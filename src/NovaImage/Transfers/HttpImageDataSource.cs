using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace NovaImage.Transfers;

/// <summary>
/// Sends the request for one attempt of an HTTP image download: picks the api server for
/// <paramref name="attempt"/> (so the caller's server rotation decides), asks for the data from <paramref name="offset"/>
/// (a <c>Range: bytes=N-</c> header when N &gt; 0 and the API supports it), and returns the response with its
/// headers read and its body not yet consumed.
/// </summary>
public delegate Task<HttpImageDataAnswer> HttpImageDataRequest(int attempt, long offset, CancellationToken cancellationToken);

/// <summary>The server asked and its (unconsumed) response, for <see cref="HttpImageDataRequest"/>.</summary>
/// <param name="Server">The api server the request went to.</param>
/// <param name="Response">Its response (headers read, body not consumed).</param>
public readonly record struct HttpImageDataAnswer(Uri Server, HttpResponseMessage Response);

/// <summary>
/// Image data from Glance over HTTP: v2 (<c>GET /v2/images/{id}/file</c>, ranges supported) or v1
/// (<c>GET /v1/images/{id}</c>, no ranges). Interprets 200/206/204 and the error statuses; the request itself (and so
/// the choice of server per attempt) comes from an <see cref="HttpImageDataRequest"/>.
/// </summary>
public sealed class HttpImageDataSource : IImageDataSource
{
    private const int MaxErrorBodyChars = 4096;
    private readonly string _imageId;
    private readonly HttpImageDataRequest _request;

    /// <summary>Creates the source.</summary>
    /// <param name="imageId">The image (named in errors).</param>
    /// <param name="supportsRange">True for v2; false for v1, whose data GET ignores ranges.</param>
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

    /// <inheritdoc />
    public async ValueTask<ImageDataResponse> OpenAsync(int attempt, long offset, CancellationToken cancellationToken)
    {
        var (server, response) = await _request(attempt, SupportsRange ? offset : 0, cancellationToken).ConfigureAwait(false);
        try
        {
            var content = response.Content;
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return new ImageDataResponse(
                        await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), 0, server,
                        content.Headers.ContentLength, ReportedMd5(response), response);
                case HttpStatusCode.PartialContent:
                    var range = content.Headers.ContentRange;
                    if (range is not { HasRange: true, From: { } from } || !string.Equals(range.Unit, "bytes", StringComparison.OrdinalIgnoreCase))
                        throw new GlanceServerException($"Glance answered 206 without a usable Content-Range ({range})", Context(server, response));
                    return new ImageDataResponse(
                        await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), from, server,
                        range.Length, ReportedMd5(response), response);
                case HttpStatusCode.NoContent:
                    throw new ImageConflictException(
                        "The image has no data to download (Glance answered 204: the image is not active or its store lost the data)",
                        Context(server, response));
                default:
                    throw await ErrorAsync(server, response, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    // Glance v2 sends the image's md5 as hex Content-MD5 (even on 206); v1 sends x-image-meta-checksum and an ETag.
    private static string? ReportedMd5(HttpResponseMessage response)
    {
        if (response.Content.Headers.TryGetValues("Content-MD5", out var md5)) return md5.FirstOrDefault();
        if (response.Headers.TryGetValues("x-image-meta-checksum", out var checksum)) return checksum.FirstOrDefault();
        return response.Headers.ETag is { } etag ? etag.Tag.Trim('"') : null;
    }

    private GlanceErrorContext Context(Uri server, HttpResponseMessage response, string? message = null) =>
        new(_imageId, server, response.StatusCode, message,
            response.Headers.TryGetValues("x-openstack-request-id", out var ids) ? ids.FirstOrDefault() : null);

    private async Task<GlanceException> ErrorAsync(Uri server, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var context = Context(server, response, body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body.Trim());
        var what = string.Create(CultureInfo.InvariantCulture, $"Image download refused with HTTP {(int)response.StatusCode}");
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => new ImageNotFoundException(what, context),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ImageNotAuthorizedException(what, context),
            HttpStatusCode.Conflict => new ImageConflictException(what, context),
            HttpStatusCode.RequestEntityTooLarge => new ImageQuotaExceededException(what, context),
            HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.RequestedRangeNotSatisfiable
                => new InvalidImageRequestException(what, context),
            _ => new GlanceServerException(what, context),
        };
    }

    /// <summary>The <c>Range</c> header for a resume from <paramref name="offset"/>, or null for a full download.</summary>
    public static RangeHeaderValue? RangeFrom(long offset) => offset > 0 ? new RangeHeaderValue(offset, null) : null;
}
