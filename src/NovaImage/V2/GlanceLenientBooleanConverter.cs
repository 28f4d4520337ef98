using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>Reads a boolean written either as JSON true/false or as the string "true"/"false" (Glance's store flags).</summary>
internal sealed class GlanceLenientBooleanConverter : JsonConverter<bool>
{
    /// <inheritdoc />
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
            _ => throw new JsonException($"Expected a boolean or a \"true\"/\"false\" string, got {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
