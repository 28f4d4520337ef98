using System.Net;
using System.Text.Json;
using Refit;

namespace NovaImage.V2;

/// <summary>
/// What a failed Glance v2 call said: status, request id and Glance's own message. Read it from Refit's
/// <see cref="ApiException"/> with <see cref="FromApiException"/>.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">The response's <c>x-openstack-request-id</c>, when present.</param>
/// <param name="Body">The parsed JSON error body, when the response carried one.</param>
/// <param name="Message">Glance's message without WebOb's HTML line breaks (or the raw body text when it was not JSON).</param>
/// <param name="RequestUri">The request's URL.</param>
internal sealed record GlanceApiError(
    HttpStatusCode StatusCode,
    string? RequestId,
    GlanceErrorBody? Body,
    string? Message,
    Uri? RequestUri)
{
    /// <summary>The response header carrying the request id.</summary>
    public const string RequestIdHeader = "x-openstack-request-id";

    /// <summary>Reads status, request id and Glance's error body from a Refit <see cref="ApiException"/>.</summary>
    public static GlanceApiError FromApiException(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var body = ParseBody(exception.Content);
        var message = body?.Message is { } m ? Clean(m) : Clean(exception.Content);
        return new GlanceApiError(exception.StatusCode, RequestIdOf(exception), body, message, exception.Uri);
    }

    /// <summary>The <c>x-openstack-request-id</c> of a response's headers, if any.</summary>
    public static string? RequestIdOf(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Headers is { } headers && headers.TryGetValues(RequestIdHeader, out var values)
            ? values.FirstOrDefault()
            : null;
    }

    private static GlanceErrorBody? ParseBody(string? content)
    {
        if (string.IsNullOrWhiteSpace(content) || content.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content, GlanceV2JsonContext.Default.GlanceErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // WebOb formats messages for HTML ("...<br /><br />\n\n\n"); keep the text only.
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Replace("<br />", " ", StringComparison.Ordinal);
        return string.Join(' ', cleaned.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
