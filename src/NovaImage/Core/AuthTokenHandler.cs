using Microsoft.Extensions.Options;

namespace NovaImage.Core;

/// <summary>Sends the configured <see cref="GlanceOptions.Token"/> as <c>X-Auth-Token</c> unless the request already carries one.</summary>
internal sealed class AuthTokenHandler(IOptions<GlanceOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Token is { Length: > 0 } token && !request.Headers.Contains("X-Auth-Token"))
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        return base.SendAsync(request, cancellationToken);
    }
}
