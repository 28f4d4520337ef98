using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>
/// Reads and writes Glance v1 timestamps: naive UTC ISO-8601 such as <c>2016-03-15T15:09:07.000000</c>
/// (System.Text.Json would read a zone-less time as local time).
/// </summary>
internal sealed class V1TimestampJsonConverter : JsonConverter<DateTimeOffset?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var text = reader.GetString();
        return V1MetadataCodec.TryParseTimestamp(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a Glance v1 timestamp.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteStringValue(V1MetadataCodec.FormatTimestamp(v));
        else writer.WriteNullValue();
    }
}
