namespace NovaImage;

/// <summary>One entry of a Glance versions document.</summary>
/// <param name="Id">e.g. <c>v2.16</c>.</param>
/// <param name="Status">CURRENT, SUPPORTED, DEPRECATED, EXPERIMENTAL.</param>
/// <param name="Href">The version's endpoint, if given.</param>
public sealed record ApiVersionInfo(string Id, string Status, string? Href)
{
    /// <summary>The major version parsed from <see cref="Id"/> (e.g. 2), or 0 if unparseable.</summary>
    public int Major => Version.Major;
    /// <summary>The minor version parsed from <see cref="Id"/> (e.g. 16), or 0.</summary>
    public int Minor => Version.Minor;

    private (int Major, int Minor) Version
    {
        get
        {
            var text = Id.TrimStart('v', 'V');
            var dot = text.IndexOf('.');
            var major = int.TryParse(dot < 0 ? text : text[..dot], out var m) ? m : 0;
            var minor = dot >= 0 && int.TryParse(text[(dot + 1)..], out var n) ? n : 0;
            return (major, minor);
        }
    }
}
