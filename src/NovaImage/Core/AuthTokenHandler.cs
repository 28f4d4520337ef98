using System.Net;

namespace NovaImage.Core;

/// <summary>
/// Sends the client's token (from its <see cref="IGlanceTokenProvider"/>) as <c>X-Auth-Token</c>, and keeps it with the
/// endpoints it was meant for: a transport under this handler that follows redirects is refused before anything is
/// sent (a consumer can replace the primary handler through the <c>IHttpClientBuilder</c>, and <c>HttpClientHandler</c>
/// and <c>SocketsHttpHandler</c> follow redirects by default, resending the token to whatever origin the redirect
/// names), and a redirect answer becomes a <see cref="RedirectRefusedException"/>, which the core reports as a typed
/// error naming the image, the server, the status and the target origin. Last line of defence: a request for any other
/// origin than <paramref name="servers"/>' is refused before it is sent (links and hrefs are checked where they are
/// read, this catches whatever path a future caller or an extension call's <c>[Url]</c> opens).
/// </summary>
/// <param name="tokens">Where the token comes from.</param>
/// <param name="servers">The client's endpoints: the only origins the token may go to.</param>
internal sealed class AuthTokenHandler(IGlanceTokenProvider tokens, IReadOnlyList<Uri> servers) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient has made the address absolute (against BaseAddress) before any handler runs.
        var destination = request.RequestUri!;
        if (!servers.Any(server => GlanceOrigin.Same(server, destination)))
        {
            throw new InvalidImageRequestException(
                $"A request for {GlanceOrigin.Of(destination)}, which is not one of this client's Glance endpoints, was refused: the token goes only to api_servers. Nothing was sent.",
                new GlanceErrorContext());
        }
        if (FollowsRedirects(InnerHandler))
        {
            throw new GlanceConfigurationException(
                "The HTTP handler of this Glance client follows redirects (AllowAutoRedirect = true), which would send the token to any server a redirect names; " +
                "keep NovaImage's primary handler or set AllowAutoRedirect = false on yours. Nothing was sent.");
        }
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            if (GlanceTokens.Problem(token) is { } problem)
                throw new GlanceConfigurationException($"The Glance token cannot be sent: {problem}");
            request.Headers.Remove("X-Auth-Token");
            request.Headers.Add("X-Auth-Token", token);
        }
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // 300 is not here: Glance answers it with its versions document, which the core reads or translates.
        if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
        {
            using (response)
            {
                var target = response.Headers.Location is { } location && request.RequestUri is { } sent
                    && Uri.TryCreate(sent, location, out var absolute) ? GlanceOrigin.Of(absolute) : null;
                throw new RedirectRefusedException(response.StatusCode, target);
            }
        }
        return response;
    }

    private static bool FollowsRedirects(HttpMessageHandler? handler) => handler switch
    {
        DelegatingHandler delegating => FollowsRedirects(delegating.InnerHandler),
        SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
        HttpClientHandler client => client.AllowAutoRedirect,
        _ => false,
    };
}
