using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.Tests.V2;

/// <summary>Source-generated JSON for values the tests build (task inputs).</summary>
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
