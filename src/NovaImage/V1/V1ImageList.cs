using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>
/// Body of <c>GET /v1/images</c> (brief items: id, name, size, formats, checksum) and <c>GET /v1/images/detail</c>
/// (every field and <c>properties</c>). There are no next links: page with <c>marker</c>/<c>limit</c> and stop on a short page.
/// </summary>
public sealed record V1ImageList
{
    /// <summary>The page of images.</summary>
    [JsonPropertyName("images")] public IReadOnlyList<V1ImageMetadata> Images { get; init => field = value ?? []; } = [];
}
