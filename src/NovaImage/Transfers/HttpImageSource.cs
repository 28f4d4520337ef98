using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using NovaImage.V1;
using NovaImage.V2;

namespace NovaImage.Transfers;

/// <summary>
/// Image data from Glance over HTTP, opened once per attempt of the client core: v2 (<c>GET /v2/images/{id}/file</c>,
/// resumed with <c>Range: bytes=N-</c>) or v1 (<c>GET /v1/images/{id}</c>, no ranges: every attempt restarts at byte
/// 0). Interprets 200, 206 and 204; 503 and connection failures are left to the core's one transient rule, other
/// statuses become the typed errors.
/// </summary>
internal class HttpImageSource
{
    private readonly Func<GlanceAttempt, string?, CancellationToken, Task<Answer>> _send;

    private HttpImageSource(string imageId, bool supportsRange, Func<GlanceAttempt, string?, CancellationToken, Task<Answer>> send)
    {
        ImageId = imageId;
        SupportsRange = supportsRange;
        _send = send;
    }

    /// <summary>The same source, declaring whether it can start at an offset (tests derive from it to misbehave).</summary>
    protected internal HttpImageSource(HttpImageSource source, bool supportsRange)
        : this(source.ImageId, supportsRange, source._send)
    {
    }

    /// <summary>The image.</summary>
    public string ImageId { get; }

    /// <summary>Whether an attempt can start at a non-zero offset.</summary>
    public bool SupportsRange { get; }

    /// <summary>The Glance v2 source.</summary>
    public static HttpImageSource ForV2(string imageId) =>
        new(imageId, true, async (attempt, range, ct) => Answer.From(await attempt.Api<IGlanceV2Api>().DownloadImageDataAsync(imageId, range, ct).ConfigureAwait(false)));

    /// <summary>The Glance v1 source.</summary>
    public static HttpImageSource ForV1(string imageId) =>
        new(imageId, false, async (attempt, _, ct) => Answer.From(await attempt.Api<IGlanceV1Api>().DownloadImageAsync(imageId, ct).ConfigureAwait(false)));

    /// <summary>
    /// Opens the data on <paramref name="attempt"/>'s endpoint from <paramref name="offset"/> up to <paramref name="end"/>
    /// (exclusive; null: to the end of the image), when ranges are supported. A server may still send more than asked.
    /// </summary>
    public virtual async Task<ImageDataResponse> OpenAsync(GlanceAttempt attempt, long offset, long? end, CancellationToken cancellationToken)
    {
        var range = !SupportsRange ? null
            : end is { } last ? string.Create(CultureInfo.InvariantCulture, $"bytes={offset}-{last - 1}")
            : offset > 0 ? string.Create(CultureInfo.InvariantCulture, $"bytes={offset}-")
            : null;
        var response = await _send(attempt, range, cancellationToken).ConfigureAwait(false);
        try
        {
            var content = response.ContentHeaders;
            switch (response.Status)
            {
                case HttpStatusCode.OK:
                    return new ImageDataResponse(await response.Body(cancellationToken).ConfigureAwait(false), 0, attempt.Server,
                        content?.ContentLength, ReportedMd5(response), response.Owner);
                case HttpStatusCode.PartialContent:
                    if (content?.ContentRange is not { HasRange: true, From: { } from } contentRange || !string.Equals(contentRange.Unit, "bytes", StringComparison.OrdinalIgnoreCase))
                        throw new GlanceServerException($"Glance answered 206 without a usable Content-Range ({content?.ContentRange})", Context(response, attempt.Server));
                    return new ImageDataResponse(await response.Body(cancellationToken).ConfigureAwait(false), from, attempt.Server,
                        contentRange.Length, ReportedMd5(response), response.Owner);
                case HttpStatusCode.NoContent:
                    throw new ImageConflictException(
                        "The image has no data to download (Glance answered 204: the image is not active, or its store lost the data)",
                        Context(response, attempt.Server));
                case HttpStatusCode.ServiceUnavailable:
                    throw new HttpRequestException("Glance answered 503 Service Unavailable", null, HttpStatusCode.ServiceUnavailable);
                default:
                    var body = await response.ErrorBody(cancellationToken).ConfigureAwait(false);
                    throw GlanceErrorTranslator.FromResponse(attempt.Call.Name, ImageId, attempt.Server, response.Status, body, response.Headers, null);
            }
        }
        catch
        {
            response.Owner.Dispose();
            throw;
        }
    }

    // Glance v2 sends the image's md5 as hex Content-MD5 (on 206 too); v1 sends x-image-meta-checksum and an ETag.
    private static string? ReportedMd5(Answer response)
    {
        if (response.ContentHeaders?.TryGetValues("Content-MD5", out var md5) == true) return md5.FirstOrDefault();
        if (response.Headers?.TryGetValues("x-image-meta-checksum", out var checksum) == true) return checksum.FirstOrDefault();
        return response.Headers?.ETag is { } etag ? etag.Tag.Trim('"') : null;
    }

    private GlanceErrorContext Context(Answer response, Uri server) =>
        new(ImageId, server, response.Status, null,
            response.Headers?.TryGetValues("x-openstack-request-id", out var ids) == true ? ids.FirstOrDefault() : null);

    /// <summary>One data answer, whatever shape the version's Refit method returns it in; <see cref="Owner"/> disposes it.</summary>
    private sealed record Answer(
        HttpStatusCode Status, HttpResponseHeaders? Headers, HttpContentHeaders? ContentHeaders,
        Func<CancellationToken, Task<Stream>> Body, Func<CancellationToken, Task<string?>> ErrorBody, IDisposable Owner)
    {
        // v1: a plain response, read with headers only.
        public static Answer From(HttpResponseMessage response) =>
            new(response.StatusCode, response.Headers, response.Content.Headers,
                async ct => BoundedReadStream.AllowAnySize(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false)),
                async ct => await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false), response);

        // v2: a Refit stream response; with no HTTP answer at all, Refit reports in it what the send threw: a transport
        // failure (transient) or one of the client's own refusals (a redirect, a token that cannot be sent), which the
        // core translates as it does for every other call.
        public static Answer From(Refit.IApiResponse<Stream> response)
        {
            if (response.StatusCode is not { } status)
            {
                response.Dispose();
                throw (Exception?)response.Error ?? new HttpRequestException("Glance sent no response.");
            }
            return new(status, response.Headers, response.ContentHeaders, _ => Task.FromResult(BoundedReadStream.AllowAnySize(response.Content ?? Stream.Null)),
                _ => Task.FromResult((response.Error as Refit.ApiException)?.Content), response);
        }
    }
}
