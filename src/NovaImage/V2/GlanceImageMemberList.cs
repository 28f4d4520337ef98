namespace NovaImage.V2;

/// <summary>The body of <c>GET /v2/images/{id}/members</c>.</summary>
public sealed record GlanceImageMemberList
{
    /// <summary>The members (the owner sees all; a member sees only itself).</summary>
    public IReadOnlyList<GlanceImageMember> Members { get; init; } = [];
    /// <summary>Relative URL of the members schema.</summary>
    public string? Schema { get; init; }
}
