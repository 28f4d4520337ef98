using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>Body of <c>GET /v1/shared-images/{member}</c>: the images shared with a project.</summary>
public sealed record V1SharedImageList
{
    /// <summary>The shared images.</summary>
    [JsonPropertyName("shared_images")] public IReadOnlyList<V1SharedImage> SharedImages { get; init => field = value ?? []; } = [];
}

/// <summary>One image shared with a project.</summary>
public sealed record V1SharedImage
{
    /// <summary>The image.</summary>
    [JsonPropertyName("image_id")] public required string ImageId { get; init; }
    /// <summary>Whether the project may share it further.</summary>
    [JsonPropertyName("can_share")] public bool CanShare { get; init; }
}
