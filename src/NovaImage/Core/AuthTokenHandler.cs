namespace NovaImage.Core;

/// <summary>Sends the client's token (from its <see cref="IGlanceTokenProvider"/>) as <c>X-Auth-Token</c>.</summary>
internal sealed class AuthTokenHandler(IGlanceTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            if (GlanceTokens.Problem(token) is { } problem)
                throw new GlanceConfigurationException($"The Glance token cannot be sent: {problem}");
            request.Headers.Remove("X-Auth-Token");
            request.Headers.Add("X-Auth-Token", token);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
