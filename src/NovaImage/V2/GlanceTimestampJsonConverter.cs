using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>
/// Reads Glance v2 timestamps as UTC when they carry no zone. Glance writes <c>2016-03-15T15:09:07Z</c>, but a
/// zone-less value (older servers, proxies, hand-written fixtures) would otherwise be read by System.Text.Json as the
/// machine's local time, while the same instant read through v1 is UTC; Nova's <c>parse_isotime</c> reads both as UTC.
/// </summary>
internal sealed class GlanceTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a Glance timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
