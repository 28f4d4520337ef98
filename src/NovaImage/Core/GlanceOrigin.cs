namespace NovaImage.Core;

/// <summary>
/// Origins (scheme, host, port) as the token rule compares them: the token goes only to the origins of the configured
/// endpoints, so a link or redirect is judged by its origin, and an origin is printed without user info or path.
/// </summary>
internal static class GlanceOrigin
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same scheme, host and port.</summary>
    public static bool Same(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary><c>scheme://host:port</c> of <paramref name="uri"/>: never its user info (a password), path or query.</summary>
    public static string Of(Uri uri) => uri.Port < 0 ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
}
