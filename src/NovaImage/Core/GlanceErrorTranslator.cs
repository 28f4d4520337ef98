using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text.Json;
using System.Text.RegularExpressions;
using Refit;

namespace NovaImage.Core;

/// <summary>
/// Turns a failed call into the typed exception of Nova's translation table (v1-v2-mapping.md §4.6): per-image
/// calls get ImageNotFound / ImageNotAuthorized / ..., each naming the image, the server, the status, Glance's
/// message and the request id.
/// </summary>
internal static partial class GlanceErrorTranslator
{
    /// <summary>Translates an HTTP error answer.</summary>
    public static GlanceException FromResponse(string operation, string? imageId, Uri? server, HttpStatusCode status, string? body, HttpResponseHeaders? headers, Exception? inner)
    {
        // Glance answers 300 with its versions document to any path of a version it does not serve (e.g. /v1 on
        // Rocky and later): that document is not an error message, so it is not repeated.
        var multipleChoices = status == HttpStatusCode.MultipleChoices;
        var context = new GlanceErrorContext(imageId, server, status, multipleChoices ? null : ExtractMessage(body), RequestId(headers));
        var what = $"Glance {operation}";
        return (int)status switch
        {
            300 => new FeatureNotSupportedException($"{what}: this server does not serve the configured Glance API version (it answered with its versions document; try ApiVersion Auto or V2)", context, inner),
            401 or 403 => new ImageNotAuthorizedException($"{what}: not authorized", context, inner),
            404 => new ImageNotFoundException(imageId is null ? $"{what}: not found" : $"{what}: image not found", context, inner),
            400 or 415 or 416 => new InvalidImageRequestException($"{what}: Glance refused the request as invalid", context, inner),
            409 => new ImageConflictException($"{what}: conflicts with the image's state", context, inner),
            413 => new ImageQuotaExceededException($"{what}: quota exceeded", context, inner),
            _ => new GlanceServerException($"{what}: Glance answered HTTP {(int)status}", context, inner),
        };
    }

    /// <summary>
    /// The typed error for a failed (non-transient) attempt of <paramref name="call"/> on <paramref name="server"/>,
    /// or null when <paramref name="exception"/> is already what the caller should see (a <see cref="GlanceException"/>,
    /// or a failure that is not Glance's, such as an argument error or a full disk).
    /// </summary>
    public static GlanceException? Translate(GlanceCall call, Uri server, Exception exception) => exception switch
    {
        GlanceException => null,
        RedirectRefusedException redirect => Redirected(call, server, redirect),
        ApiRequestException { InnerException: RedirectRefusedException redirect } => Redirected(call, server, redirect),
        // Raised by the client's own handlers or request bodies (a token that cannot be sent, an upload longer than
        // promised); HttpClient and Refit wrap what they throw.
        _ when Inner(exception) is { } inner => inner,
        _ when TlsFailure(exception) is { } tls => new GlanceConnectionFailedException(
            $"Glance {call.Name}: the TLS connection to {server.GetLeftPart(UriPartial.Authority)} failed: its certificate was not trusted " +
            $"or the TLS handshake was refused ({tls.Message}); set cafile to the CA that signed the server's certificate",
            new GlanceErrorContext(call.ImageId, server, null, tls.Message), exception),
        ResponseTooLargeException or ApiException { InnerException: ResponseTooLargeException } => new GlanceServerException(
            $"Glance {call.Name}: {(exception as ResponseTooLargeException ?? (ResponseTooLargeException)exception.InnerException!).Message}",
            new GlanceErrorContext(call.ImageId, server), exception),
        ApiException api => FromResponse(call.Name, call.ImageId, server, api.StatusCode, api.Content, api.Headers, api),
        HttpRequestException { StatusCode: { } status } => FromResponse(call.Name, call.ImageId, server, status, null, null, exception),
        System.Text.Json.JsonException => new GlanceServerException($"Glance {call.Name}: the answer could not be read ({exception.Message})", new GlanceErrorContext(call.ImageId, server), exception),
        _ => null,
    };

    /// <summary>
    /// A redirect NovaImage did not follow: following it would send the token to the origin it names, which the
    /// operator never configured. The message names that origin (never its path or user info) so that, if Glance
    /// really moved, the operator can list it in <c>api_servers</c>.
    /// </summary>
    private static GlanceServerException Redirected(GlanceCall call, Uri server, RedirectRefusedException redirect) => new(
        $"Glance {call.Name}: the server redirected the request to {redirect.Target ?? "an unusable location"}; redirects are not followed, " +
        "so the token goes only to the configured api_servers (if Glance moved there, list that endpoint in api_servers)",
        new GlanceErrorContext(call.ImageId, server, redirect.Status), redirect);

    /// <summary>The <see cref="GlanceException"/> that HttpClient or Refit wrapped in <paramref name="exception"/>, if any.</summary>
    public static GlanceException? Inner(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is GlanceException glance) return glance;
        return null;
    }

    /// <summary>
    /// The TLS handshake failure (an untrusted or mismatched server certificate, a refused client certificate) that
    /// HttpClient or Refit wrapped in <paramref name="exception"/>, if any.
    /// </summary>
    public static AuthenticationException? TlsFailure(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is AuthenticationException tls) return tls;
        return null;
    }

    /// <summary>
    /// The connection error raised once every attempt failed; with <paramref name="notRetried"/>, it says the call was
    /// not retried because its data stream cannot be rewound (a non-seekable upload).
    /// </summary>
    public static GlanceConnectionFailedException ConnectionFailed(GlanceCall call, Uri server, int attempts, Exception cause, bool notRetried = false)
    {
        var status = cause switch
        {
            ApiException api => api.StatusCode,
            HttpRequestException { StatusCode: { } code } => code,
            _ => (HttpStatusCode?)null,
        };
        var headers = (cause as ApiException)?.Headers;
        var context = new GlanceErrorContext(call.ImageId, server, status, Cause(cause), RequestId(headers));
        var retry = notRetried ? "; not retried: its data stream cannot be rewound" : "";
        return new GlanceConnectionFailedException($"Glance {call.Name}: no Glance server could be reached after {attempts} attempt(s){retry}", context, cause);
    }

    /// <summary>A short description of why an attempt failed, for logs and messages.</summary>
    public static string Cause(Exception exception) => exception switch
    {
        ApiRequestException { InnerException: { } inner } => Cause(inner),
        ApiException { InnerException: { } inner } => Cause(inner),
        ApiException api => $"HTTP {(int)api.StatusCode} {api.ReasonPhrase}",
        HttpRequestException { StatusCode: { } code } => $"HTTP {(int)code}",
        HttpRequestException http => http.InnerException?.Message is { } inner ? $"{http.Message} {inner}" : http.Message,
        OperationCanceledException => "timed out",
        _ => exception.Message,
    };

    /// <summary>Glance's own message from an error body (JSON <c>message</c>, or the text of webob's HTML page).</summary>
    public static string? ExtractMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        var text = body.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) text = m.GetString() ?? "";
                else if (doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var em)) text = em.GetString() ?? "";
            }
            catch (JsonException)
            {
                // not JSON after all: keep the raw text
            }
        }
        else if (text.Contains("</h1>", StringComparison.OrdinalIgnoreCase))
        {
            text = text[(text.IndexOf("</h1>", StringComparison.OrdinalIgnoreCase) + 5)..];
        }
        var plain = Whitespace().Replace(Tags().Replace(text, " "), " ").Trim();
        return plain.Length == 0 ? null : plain;
    }

    private static string? RequestId(HttpResponseHeaders? headers) =>
        headers is not null && headers.TryGetValues("x-openstack-request-id", out var values) ? values.FirstOrDefault() : null;


    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
