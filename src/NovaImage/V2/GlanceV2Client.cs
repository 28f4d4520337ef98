using NovaImage.Core;
using Refit;

namespace NovaImage.V2;

/// <summary>Builds <see cref="IGlanceV2Api"/> clients: Refit's generated stub with the v2 JSON context.</summary>
internal static class GlanceV2Client
{
    /// <summary>
    /// A client over <paramref name="httpClient"/>, whose <see cref="HttpClient.BaseAddress"/> must be the Glance
    /// endpoint (e.g. <c>http://glance:9292</c> or <c>https://cloud/image</c>) and which supplies authentication
    /// (e.g. an <c>X-Auth-Token</c> default header or handler).
    /// </summary>
    public static IGlanceV2Api Create(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the Glance endpoint, e.g. http://glance:9292.", nameof(httpClient));
        }

        return RestService.ForGenerated<IGlanceV2Api>(httpClient, CreateSettings());
    }

    /// <summary>
    /// The Refit settings the v2 client uses: System.Text.Json over <see cref="GlanceV2JsonContext"/>, unbuffered
    /// request bodies, lowercase booleans in query strings. For callers that build the stub themselves
    /// (e.g. <c>AddRefitClient</c>).
    /// </summary>
    public static RefitSettings CreateSettings() => new()
    {
        ContentSerializer = new SystemTextJsonContentSerializer(GlanceV2JsonContext.Default.Options),
        UrlParameterFormatter = new GlanceUrlParameterFormatter(),
        Buffered = false,
    };

    /// <summary>
    /// The absolute URL of a list link (<c>next</c>/<c>first</c>). Glance sends them as paths from its root
    /// (<c>/v2/images?...&amp;marker=...</c>), so they are appended to <paramref name="endpoint"/>'s path, which keeps
    /// a deployment prefix such as <c>/image</c>. An absolute link is kept only when it names the endpoint's own origin
    /// (scheme, host and port): following it elsewhere would send the token to a server nobody configured.
    /// </summary>
    /// <exception cref="GlanceServerException">The link names another origin (the message names the endpoint and that origin; nothing is sent).</exception>
    public static string ResolveLink(Uri endpoint, string link)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(link);
        var resolved = Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + link.TrimStart('/'));
        if (!GlanceOrigin.Same(resolved, endpoint))
        {
            throw new GlanceServerException(
                $"Glance sent a list link to {GlanceOrigin.Of(resolved)}, another server than the endpoint in use; it is not followed, so the token stays with the configured api_servers",
                new GlanceErrorContext(Server: endpoint));
        }
        return resolved.AbsoluteUri;
    }
}
