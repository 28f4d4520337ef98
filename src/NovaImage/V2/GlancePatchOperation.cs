using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>
/// One operation of a v2.1 JSON Patch (<c>application/openstack-images-v2.1-json-patch</c>): <c>add</c>,
/// <c>replace</c> or <c>remove</c> on a one-level path such as <c>/name</c> or <c>/hw_disk_bus</c>
/// (locations also take <c>/locations/{index|-}</c>).
/// </summary>
public sealed record GlancePatchOperation
{
    /// <summary><c>add</c>, <c>replace</c> or <c>remove</c>.</summary>
    public required string Op { get; init; }

    /// <summary>The JSON Pointer of the field (see <see cref="PathOf"/>).</summary>
    public required string Path { get; init; }

    /// <summary>The new value for add/replace (JSON null clears a nullable field); not sent for remove.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value { get; init; }

    /// <summary>The JSON Pointer for a top-level field or property name (escapes <c>~</c> and <c>/</c>).</summary>
    public static string PathOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>Adds (or, in v2.1, overwrites) <paramref name="name"/> with a JSON value.</summary>
    public static GlancePatchOperation Add(string name, JsonElement value) => new() { Op = "add", Path = PathOf(name), Value = value };

    /// <summary>Adds (or overwrites) <paramref name="name"/> with a string value.</summary>
    public static GlancePatchOperation Add(string name, string? value) => Add(name, GlanceExtraProperties.ToJson(value));

    /// <summary>Replaces the existing <paramref name="name"/> with a JSON value (409 if an extra property is missing).</summary>
    public static GlancePatchOperation Replace(string name, JsonElement value) => new() { Op = "replace", Path = PathOf(name), Value = value };

    /// <summary>Replaces the existing <paramref name="name"/> with a string value.</summary>
    public static GlancePatchOperation Replace(string name, string? value) => Replace(name, GlanceExtraProperties.ToJson(value));

    /// <summary>Removes the extra property <paramref name="name"/> (409 if missing; 403 for base fields).</summary>
    public static GlancePatchOperation Remove(string name) => new() { Op = "remove", Path = PathOf(name) };
}
