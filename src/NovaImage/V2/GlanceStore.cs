using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>One store of <c>GET /v2/info/stores</c> (the <c>/detail</c> form adds type and properties).</summary>
public sealed record GlanceStore
{
    /// <summary>The store id (the <c>enabled_backends</c> name).</summary>
    public required string Id { get; init; }
    /// <summary>The operator's description.</summary>
    public string? Description { get; init; }
    /// <summary>The default store. Glance sends the string <c>"true"</c> (the api-ref shows JSON true); both are read.</summary>
    [JsonConverter(typeof(GlanceLenientBooleanConverter))]
    public bool Default { get; init; }
    /// <summary>A read-only store (same string-or-boolean encoding as <see cref="Default"/>).</summary>
    [JsonPropertyName("read-only")]
    [JsonConverter(typeof(GlanceLenientBooleanConverter))]
    public bool ReadOnly { get; init; }
    /// <summary>Detail only: the driver type, e.g. <c>file</c>.</summary>
    public string? Type { get; init; }
    /// <summary>Detail only: driver properties (file: <c>data_dir</c>, <c>chunk_size</c>).</summary>
    public Dictionary<string, JsonElement>? Properties { get; init; }
    /// <summary>The store's weight for location ordering, when reported.</summary>
    public long? Weight { get; init; }
}
