using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>Body of the create (201) and update (200) responses: <c>{"image": {...detail fields...}}</c>.</summary>
public sealed record V1ImageEnvelope
{
    /// <summary>The image after the call.</summary>
    [JsonPropertyName("image")] public V1ImageMetadata? Image { get; init; }
}
