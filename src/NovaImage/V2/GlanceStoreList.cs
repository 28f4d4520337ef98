namespace NovaImage.V2;

/// <summary>The body of <c>GET /v2/info/stores</c> and <c>GET /v2/info/stores/detail</c>.</summary>
public sealed record GlanceStoreList
{
    /// <summary>The enabled stores (Glance's internal <c>os_glance_*</c> stores are not listed).</summary>
    public IReadOnlyList<GlanceStore> Stores { get; init; } = [];
}
