using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>One v1 image member (a project the image is shared with; v1 has no acceptance step).</summary>
public sealed record V1Member
{
    /// <summary>The member project.</summary>
    [JsonPropertyName("member_id")] public required string MemberId { get; init; }
    /// <summary>Whether the member may share the image further. In a replace-the-list request, null keeps an existing member's value (new members get false).</summary>
    [JsonPropertyName("can_share"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? CanShare { get; init; }
}
