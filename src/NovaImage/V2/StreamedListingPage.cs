using System.Net;

namespace NovaImage.V2;

/// <summary>
/// Runs one listing call of <see cref="IGlanceV2Api"/> without letting Refit read the page: Refit buffers a body
/// whole before deserializing it, so a huge page would sit in memory even when three images are wanted. Refit still
/// builds the request (query, links) and still raises its errors; a successful answer is kept here (Refit is handed
/// an empty 204) and its stream is read by <see cref="GlanceImageListReader"/>, only as far as the images wanted.
/// </summary>
internal sealed class StreamedListingPage : HttpMessageHandler
{
    private readonly HttpClient _http;
    private HttpResponseMessage? _page;

    private StreamedListingPage(HttpClient http) => _http = http;

    /// <summary>The page <paramref name="call"/> asks for on <paramref name="attempt"/>'s endpoint, with at most <paramref name="wanted"/> images (null: all).</summary>
    public static async Task<GlanceImageList> ReadAsync(GlanceAttempt attempt, int? wanted,
        Func<IGlanceV2Api, CancellationToken, Task<GlanceImageList>> call, CancellationToken cancellationToken)
    {
        using var capture = new StreamedListingPage(attempt.Http);
        // The endpoint's own client applies the token, bounds and timeout; this one only hands Refit's request to it.
        using var http = new HttpClient(capture, disposeHandler: false) { BaseAddress = attempt.Http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        await call(GlanceV2Client.Create(http), cancellationToken).ConfigureAwait(false);
        using var page = capture._page ?? throw new HttpRequestException("Glance answered the image list with no content (204).");
        var stream = await page.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await GlanceImageListReader.ReadAsync(stream, wanted, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request is sent once per HttpClient: the endpoint's client gets a copy (listing requests have no body).
        using var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        var answer = await _http.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccessStatusCode || answer.StatusCode == HttpStatusCode.NoContent) return answer;
        _page = answer;
        return new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request };
    }
}
