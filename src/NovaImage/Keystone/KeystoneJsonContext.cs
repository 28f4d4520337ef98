using System.Text.Json.Serialization;

namespace NovaImage.Keystone;

/// <summary>The Keystone v3 documents, serialized by source generation (no reflection: trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KeystoneAuthRequest))]
[JsonSerializable(typeof(KeystoneTokenDocument))]
[JsonSerializable(typeof(KeystoneErrorDocument))]
internal sealed partial class KeystoneJsonContext : JsonSerializerContext;
