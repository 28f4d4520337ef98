namespace NovaImage.V2;

/// <summary>A membership: the image shared with a project, and that project's answer.</summary>
public sealed record GlanceImageMember
{
    /// <summary>The shared image.</summary>
    public required string ImageId { get; init; }
    /// <summary>The project the image is shared with.</summary>
    public required string MemberId { get; init; }
    /// <summary>pending, accepted or rejected.</summary>
    public string? Status { get; init; }
    /// <summary>When the image was shared.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>Relative URL of the member schema.</summary>
    public string? Schema { get; init; }
}
