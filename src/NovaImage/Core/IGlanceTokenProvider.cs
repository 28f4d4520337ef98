namespace NovaImage;

/// <summary>
/// Where a client's requests get their <c>X-Auth-Token</c>. <see cref="GlanceOptions.Token"/> is the static
/// implementation; set <see cref="GlanceOptions.TokenProvider"/> to supply tokens another way (e.g. from Keystone).
/// The token goes only to the configured endpoints (<see cref="GlanceOptions.ApiServers"/>): redirects are never
/// followed and list links naming another origin are refused.
/// </summary>
public interface IGlanceTokenProvider
{
    /// <summary>
    /// The token for the next request, or null to send none. A token with CR, LF or any character that is not
    /// visible ASCII is refused before the request is sent.
    /// </summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
