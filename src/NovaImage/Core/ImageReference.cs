using System.Text.RegularExpressions;

namespace NovaImage.Core;

/// <summary>
/// Image hrefs where an id is expected (Nova's <c>_endpoint_from_image_ref</c>): the id of an href that names one of
/// the client's endpoints. Nova builds a client for whatever endpoint an href names; here an href naming any other
/// endpoint is refused, so the token never goes to a host only an href named.
/// </summary>
internal static partial class ImageReference
{
    public static string Resolve(string imageIdOrHref, IReadOnlyList<Uri> servers)
    {
        ArgumentNullException.ThrowIfNull(imageIdOrHref);
        // Image ids never contain '/': anything else is passed on as the server's to judge, unless it is a dot segment.
        if (!imageIdOrHref.Contains('/', StringComparison.Ordinal)) return PathSegment.Require(imageIdOrHref, "image id", null);
        if (!Uri.TryCreate(imageIdOrHref, UriKind.Absolute, out var href) || href.Scheme is not ("http" or "https")
            || Href().Match(href.AbsolutePath) is not { Success: true } match)
        {
            throw new InvalidImageRequestException(
                $"'{imageIdOrHref}' is neither an image id nor an image href (http(s)://host[:port][/prefix]/v<N>/images/<id>)", new GlanceErrorContext(imageIdOrHref));
        }
        var prefix = match.Groups["prefix"].Value;
        var id = Uri.UnescapeDataString(match.Groups["id"].Value);
        foreach (var server in servers)
        {
            if (GlanceOrigin.Same(server, href)
                && string.Equals(server.AbsolutePath.TrimEnd('/'), prefix, StringComparison.Ordinal))
            {
                return PathSegment.Require(id, "image id", null);
            }
        }
        throw new InvalidImageRequestException(
            $"The image href {GlanceOrigin.Of(href)}{href.AbsolutePath} points at {GlanceOrigin.Of(href)}{prefix}, which is not one of this client's Glance endpoints; nothing was sent",
            new GlanceErrorContext(id));
    }

    // [prefix]/v2/images/{id} or /v1/images/{id} (also v2.1), nothing after the id.
    [GeneratedRegex(@"^(?<prefix>(/[^/]+)*?)/v\d+(\.\d+)?/images/(?<id>[^/]+)/?$", RegexOptions.CultureInvariant)]
    private static partial Regex Href();
}
