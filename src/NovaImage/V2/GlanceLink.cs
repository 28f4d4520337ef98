namespace NovaImage.V2;

/// <summary>A link in a Glance document (<c>rel</c> + <c>href</c>).</summary>
public sealed record GlanceLink
{
    /// <summary>The relation, e.g. <c>self</c>.</summary>
    public string? Rel { get; init; }

    /// <summary>The target (absolute or a template such as <c>{self}</c> in schemas).</summary>
    public string? Href { get; init; }
}
