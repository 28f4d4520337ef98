using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.Cli.Glance;

/// <summary>Reads Glance's responses as plain JSON documents (<see cref="IGlanceImageDocumentApi"/>).</summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<JsonElement>))]
internal sealed partial class GlanceDocumentJsonContext : JsonSerializerContext;
