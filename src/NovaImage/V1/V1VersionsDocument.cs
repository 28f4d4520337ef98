using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>The versions document a v1 server answers on <c>GET /versions</c> (200) and <c>GET /</c> (300).</summary>
public sealed record V1VersionsDocument
{
    /// <summary>The advertised versions.</summary>
    [JsonPropertyName("versions")] public IReadOnlyList<V1Version> Versions { get; init => field = value ?? []; } = [];
}

/// <summary>One entry of a <see cref="V1VersionsDocument"/>.</summary>
public sealed record V1Version
{
    /// <summary>e.g. <c>v1.1</c>.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>CURRENT, SUPPORTED, DEPRECATED, EXPERIMENTAL.</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    /// <summary>Links; <c>rel=self</c> is the version's endpoint.</summary>
    [JsonPropertyName("links")] public IReadOnlyList<V1Link> Links { get; init => field = value ?? []; } = [];
}

/// <summary>A link of a <see cref="V1Version"/>.</summary>
public sealed record V1Link
{
    /// <summary>Relation, e.g. <c>self</c>.</summary>
    [JsonPropertyName("rel")] public required string Rel { get; init; }
    /// <summary>The target.</summary>
    [JsonPropertyName("href")] public required string Href { get; init; }
}
