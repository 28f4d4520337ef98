using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>Body of <c>PUT /v1/images/{id}/members</c>: the whole new member list (members not listed are removed).</summary>
public sealed record V1MembershipsRequest
{
    /// <summary>The members the image should have.</summary>
    [JsonPropertyName("memberships")] public IReadOnlyList<V1Member> Memberships { get; init => field = value ?? []; } = [];
}
