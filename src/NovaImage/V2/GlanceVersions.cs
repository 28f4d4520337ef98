namespace NovaImage.V2;

/// <summary>The versions document (<c>GET /versions</c>): every API version the server advertises.</summary>
public sealed record GlanceVersions
{
    /// <summary>The advertised versions, newest first as Glance lists them.</summary>
    public IReadOnlyList<GlanceVersion> Versions { get; init; } = [];
}
