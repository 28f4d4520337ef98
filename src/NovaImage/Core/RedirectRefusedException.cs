using System.Net;

namespace NovaImage.Core;

/// <summary>
/// A Glance endpoint answered with a redirect, which NovaImage does not follow (see <see cref="AuthTokenHandler"/>);
/// <see cref="GlanceErrorTranslator.Translate"/> turns it into the <see cref="GlanceServerException"/> the caller sees.
/// </summary>
/// <param name="status">The redirect status (301, 302, 303, 307 or 308).</param>
/// <param name="target">The origin the redirect named (<c>scheme://host:port</c>), or null without a usable <c>Location</c>.</param>
internal sealed class RedirectRefusedException(HttpStatusCode status, string? target)
    : Exception($"HTTP {(int)status} redirect to {target ?? "no location"} not followed")
{
    public HttpStatusCode Status { get; } = status;

    public string? Target { get; } = target;
}
