namespace NovaImage.V2;

/// <summary>One entry of the versions document, e.g. <c>v2.15</c> <c>CURRENT</c>.</summary>
public sealed record GlanceVersion
{
    /// <summary>The version id, <c>v</c> + major.minor (e.g. <c>v2.15</c>).</summary>
    public required string Id { get; init; }

    /// <summary><c>CURRENT</c>, <c>SUPPORTED</c>, <c>DEPRECATED</c> or <c>EXPERIMENTAL</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Links; <c>self</c> points at the version's base URL.</summary>
    public IReadOnlyList<GlanceLink> Links { get; init; } = [];
}
