using System.Text.RegularExpressions;

namespace NovaImage.Core;

/// <summary>Turns <c>api_servers</c> entries (or the deprecated host/port/protocol) into endpoint URIs.</summary>
internal static partial class GlanceEndpoints
{
    /// <summary>
    /// Parses one <c>api_servers</c> entry: the scheme defaults to http, IPv6 literals must be bracketed, a path
    /// prefix is kept (without its trailing slash, so routes append to it), and a last path segment that names an API
    /// version (<c>/v2</c>, <c>/v1</c>, <c>/v2.1</c>) is dropped, as glanceclient's <c>strip_version</c> does for the
    /// endpoint Nova hands it: the routes carry their own version, so keeping it would request <c>/v2/v2/...</c>.
    /// </summary>
    public static bool TryParse(string entry, out Uri endpoint, out string problem)
    {
        endpoint = null!;
        var text = entry.Trim();
        if (text.Length == 0)
        {
            problem = "an entry is empty.";
            return false;
        }
        if (!text.Contains("://", StringComparison.Ordinal)) text = "http://" + text;
        // Every message below quotes the entry without its user info: a password there must not reach logs or errors.
        var shown = WithoutUserInfo(entry.Trim());
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            problem = LooksLikeBareIpv6(entry)
                ? $"'{shown}' looks like an IPv6 address without brackets: write it as http://[address]:port."
                : $"'{shown}' is not a URL (expected e.g. http://glance.example:9292 or glance.example:9292).";
            return false;
        }
        if (uri.UserInfo.Length > 0)
        {
            // Glance authenticates with X-Auth-Token only; a user name or password here would never be used and would
            // travel in every message naming the server.
            problem = $"'{shown}' has a user name or password: Glance does not use them (the token is [glance] token or the token provider); remove them.";
            return false;
        }
        if (uri.Scheme is not ("http" or "https"))
        {
            problem = $"'{shown}' has scheme '{uri.Scheme}': only http and https are supported.";
            return false;
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"'{shown}' has a query or fragment: give only scheme, host, port and path prefix.";
            return false;
        }
        var path = WithoutVersionSegment(uri.AbsolutePath.TrimEnd('/'));
        endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority) + path, UriKind.Absolute);
        problem = "";
        return true;
    }

    private static string WithoutVersionSegment(string path)
    {
        var lastSlash = path.LastIndexOf('/');
        return lastSlash >= 0 && VersionSegment().IsMatch(path.AsSpan(lastSlash + 1)) ? path[..lastSlash] : path;
    }

    [GeneratedRegex(@"^v[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionSegment();

    /// <summary>The entry with anything between the scheme and the last <c>@</c> of its authority replaced by <c>***</c>.</summary>
    private static string WithoutUserInfo(string entry)
    {
        var schemeEnd = entry.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var end = entry.IndexOfAny(['/', '?', '#'], start);
        var at = entry.LastIndexOf('@', end < 0 ? entry.Length - 1 : end - 1, (end < 0 ? entry.Length : end) - start);
        return at < 0 ? entry : entry[..start] + "***" + entry[at..];
    }

    private static bool LooksLikeBareIpv6(string entry)
    {
        var text = entry.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0) text = text[(schemeEnd + 3)..];
        return !text.StartsWith('[') && text.Count(c => c == ':') >= 2;
    }
}
