using System.Text.Json;

namespace NovaImage.V2;

/// <summary>One location of an image: the store URL and the store's metadata.</summary>
public sealed record GlanceImageLocation
{
    /// <summary>The location URL, e.g. <c>file:///var/lib/glance/images/{id}</c>.</summary>
    public required string Url { get; init; }

    /// <summary>
    /// Store metadata. A filesystem store with a metadata file gives <c>id</c> and <c>mountpoint</c>;
    /// multi-store adds <c>store</c>. Empty when the store has none.
    /// </summary>
    public Dictionary<string, JsonElement> Metadata { get; init; } = [];
}
