using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NovaImage.TestSupport.V1Server;

/// <summary>
/// WebOb error pages (reference §11): plain text by default (<c>"&lt;code&gt; &lt;title&gt;\n\n&lt;explanation&gt;..."</c>),
/// HTML when the request's Accept prefers HTML, JSON <c>{"message", "code", "title"}</c> when it prefers JSON;
/// no body for HEAD; <c>Allow</c> on 405.
/// </summary>
internal static class V1ErrorResponse
{
    public static async Task WriteAsync(HttpContext context, V1HttpError error)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        if (error.Allow is not null) response.Headers.Allow = error.Allow;
        if (HttpMethods.IsHead(context.Request.Method)) return;

        var title = Title(error.Status);
        var explanation = Explanation(error.Status, context.Request.Method);
        var code = $"{error.Status} {title}";
        string body;
        switch (PreferredFormat(context.Request.Headers.Accept.ToString()))
        {
            case "json":
                response.ContentType = "application/json";
                body = JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["message"] = $"{explanation}<br /><br />\n{error.Detail}\n\n",
                    ["code"] = code,
                    ["title"] = title,
                }, V1ServerJsonContext.Default.DictionaryStringString);
                break;
            case "html":
                response.ContentType = "text/html; charset=UTF-8";
                body = $"<html>\n <head>\n  <title>{code}</title>\n </head>\n <body>\n  <h1>{code}</h1>\n  "
                       + $"{WebUtility.HtmlEncode(explanation)}<br /><br />\n{WebUtility.HtmlEncode(error.Detail)}\n\n\n </body>\n</html>";
                break;
            default:
                response.ContentType = "text/plain; charset=UTF-8";
                body = $"{code}\n\n{explanation}\n\n {error.Detail}  ";
                break;
        }
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes);
    }

    /// <summary>"json" or "html" when the Accept header explicitly prefers it over plain text; else "plain".</summary>
    private static string PreferredFormat(string accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept.Split(','), out var types)) return "plain";
        double Quality(string mediaType) => types
            .Where(t => t.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Quality ?? 1.0)
            .DefaultIfEmpty(0)
            .Max();
        double json = Quality("application/json"), html = Quality("text/html"), plain = Quality("text/plain");
        if (json > 0 && json >= html && json > plain) return "json";
        if (html > 0 && html > json && html > plain) return "html";
        return "plain";
    }

    /// <summary>WebOb's titles (not ASP.NET's reason phrases: 413 is "Request Entity Too Large").</summary>
    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        410 => "Gone",
        412 => "Precondition Failed",
        413 => "Request Entity Too Large",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };

    private static string Explanation(int status, string method) => status switch
    {
        400 => "The server could not comply with the request since it is either malformed or otherwise incorrect.",
        401 => "This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.",
        403 => "Access was denied to this resource.",
        404 => "The resource could not be found.",
        405 => $"The method {method} is not allowed for this resource.",
        409 => "There was a conflict when trying to complete your request.",
        410 => "This resource is no longer available.  No forwarding address is given.",
        412 => "Request precondition failed.",
        413 => "The request is larger than the server is willing or able to process.",
        503 => "The server is currently unavailable. Please try again at a later time.",
        _ => "The server has either erred or is incapable of performing the requested operation.",
    };
}
