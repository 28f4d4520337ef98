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
    /// a deployment prefix such as <c>/image</c>. An absolute link is returned unchanged.
    /// </summary>
    public static string ResolveLink(Uri endpoint, string link)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(link);
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        return endpoint.AbsoluteUri.TrimEnd('/') + "/" + link.TrimStart('/');
    }
}
