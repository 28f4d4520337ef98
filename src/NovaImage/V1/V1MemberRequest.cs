using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>Body of <c>PUT /v1/images/{id}/members/{member}</c>: <c>{"member": {"can_share": bool}}</c>.</summary>
public sealed record V1MemberRequest
{
    /// <summary>The member's settings.</summary>
    [JsonPropertyName("member")] public V1MemberSettings Member { get; init; } = new();
}

/// <summary>The settings of one member in a <see cref="V1MemberRequest"/>.</summary>
public sealed record V1MemberSettings
{
    /// <summary>Whether the member may share the image further.</summary>
    [JsonPropertyName("can_share")] public bool CanShare { get; init; }
}
