namespace NovaImage.V2;

/// <summary>One page of <c>GET /v2/images</c>.</summary>
public sealed record GlanceImageList
{
    /// <summary>The images of this page (may be shorter than the limit and still have a <see cref="Next"/>).</summary>
    public IReadOnlyList<GlanceImage> Images { get; init; } = [];
    /// <summary>The query without a marker (a path such as <c>/v2/images?limit=2</c>).</summary>
    public string? First { get; init; }
    /// <summary>The next page (a path with <c>marker</c>), absent on the last page.</summary>
    public string? Next { get; init; }
    /// <summary>Relative URL of the list schema.</summary>
    public string? Schema { get; init; }
}
