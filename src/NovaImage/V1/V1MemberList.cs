using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>Body of <c>GET /v1/images/{id}/members</c>.</summary>
public sealed record V1MemberList
{
    /// <summary>The members.</summary>
    [JsonPropertyName("members")] public IReadOnlyList<V1Member> Members { get; init => field = value ?? []; } = [];
}
