using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>A JSON Schema served at <c>GET /v2/schemas/{name}</c>.</summary>
public sealed record GlanceSchema
{
    /// <summary>The schema name (<c>image</c>, <c>images</c>, <c>member</c>, ...).</summary>
    public string? Name { get; init; }
    /// <summary>The properties; operator-defined image properties carry <c>"is_base": false</c>.</summary>
    public Dictionary<string, JsonElement> Properties { get; init; } = [];
    /// <summary>Link templates.</summary>
    public IReadOnlyList<GlanceLink> Links { get; init; } = [];
    /// <summary>Every other keyword of the schema (<c>additionalProperties</c>, <c>required</c>, ...).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Keywords { get; set; }
}
