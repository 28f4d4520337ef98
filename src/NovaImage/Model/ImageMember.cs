namespace NovaImage;

/// <summary>A project an image is shared with.</summary>
public sealed record ImageMember
{
    /// <summary>The image.</summary>
    public required string ImageId { get; init; }
    /// <summary>The member project.</summary>
    public required string MemberId { get; init; }
    /// <summary>Acceptance status; v1 has none and reports <see cref="MemberStatus.Accepted"/> (v1 shares without consent).</summary>
    public MemberStatus Status { get; init; }
    /// <summary>v1's can_share flag (false from v2).</summary>
    public bool CanShare { get; init; }
    /// <summary>When the membership was created (v2 only).</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>When the membership last changed (v2 only).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
