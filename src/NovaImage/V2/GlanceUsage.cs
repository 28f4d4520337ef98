namespace NovaImage.V2;

/// <summary>The body of <c>GET /v2/info/usage</c> (v2.13+): the caller's quota usage per limit name.</summary>
public sealed record GlanceUsage
{
    /// <summary>Usage by limit name (<c>image_size_total</c>, <c>image_count_total</c>, ...); empty when unified limits are off.</summary>
    public Dictionary<string, GlanceQuotaUsage> Usage { get; init; } = [];
}
