namespace NovaImage.V2;

/// <summary>One quota of <c>GET /v2/info/usage</c>.</summary>
public sealed record GlanceQuotaUsage
{
    /// <summary>The limit.</summary>
    public long Limit { get; init; }
    /// <summary>The amount used.</summary>
    public long Usage { get; init; }
}
