using System.Net;

namespace NovaImage.Core;

/// <summary>
/// Sends the client's token (from its <see cref="IGlanceTokenProvider"/>) as <c>X-Auth-Token</c>, and keeps it with the
/// endpoints it was meant for: a transport under this handler that follows redirects is refused before anything is
/// sent (a consumer can replace the primary handler through the <c>IHttpClientBuilder</c>, and <c>HttpClientHandler</c>
/// and <c>SocketsHttpHandler</c> follow redirects by default, resending the token to whatever origin the redirect
/// names), and a redirect answer becomes a <see cref="RedirectRefusedException"/>, which the core reports as a typed
/// error naming the image, the server, the status and the target origin. Last line of defence: a request for any other
/// origin than <paramref name="endpoints"/>' is refused before it is sent (links and hrefs are checked where they are
/// read, this catches whatever path a future caller or an extension call's <c>[Url]</c> opens).
/// </summary>
/// <remarks>
/// With a token provider that can renew (<see cref="IRenewableTokenProvider"/>: Keystone), a 401 from Glance gets the
/// token renewed once and the request sent again with it, unless its body is a stream (an image upload); a
/// second 401, or a 401 to an upload stream, is left to the core (<see cref="ImageNotAuthorizedException"/>), and the
/// renewed token serves the next call.
/// </remarks>
/// <param name="tokens">Where the token comes from.</param>
/// <param name="endpoints">The client's endpoints: the only origins the token may go to.</param>
internal sealed class AuthTokenHandler(IGlanceTokenProvider tokens, EndpointRotation endpoints) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient has made the address absolute (against BaseAddress) before any handler runs.
        var destination = request.RequestUri!;
        if (!endpoints.Servers.Any(server => GlanceOrigin.Same(server, destination)))
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
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        SetToken(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is { Length: > 0 } && tokens is IRenewableTokenProvider renewable)
        {
            var renewed = await renewable.RenewAsync(token, cancellationToken).ConfigureAwait(false);
            if (CanSendAgain(request.Content))
            {
                response.Dispose();
                SetToken(request, renewed);
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
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

    private static void SetToken(HttpRequestMessage request, string? token)
    {
        request.Headers.Remove("X-Auth-Token");
        if (token is not { Length: > 0 }) return;
        if (GlanceTokens.Problem(token) is { } problem)
            throw new GlanceConfigurationException($"The Glance token cannot be sent: {problem}");
        request.Headers.Add("X-Auth-Token", token);
    }

    // Refit builds a stream body (an image upload) as StreamContent, which may be spent; its other bodies (JSON, text)
    // serialize again from the object they hold.
    private static bool CanSendAgain(HttpContent? content) => content is not StreamContent;

    private static bool FollowsRedirects(HttpMessageHandler? handler) => handler switch
    {
        DelegatingHandler delegating => FollowsRedirects(delegating.InnerHandler),
        SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
        HttpClientHandler client => client.AllowAutoRedirect,
        _ => false,
    };
}
