using System.Text.Json;

namespace NovaImage.V2;

/// <summary>Converts between v2's flat extra properties (JSON values) and plain strings.</summary>
internal static class GlanceExtraProperties
{
    /// <summary>Builds extra-property JSON values from strings (null becomes JSON null).</summary>
    public static Dictionary<string, JsonElement> FromStrings(IEnumerable<KeyValuePair<string, string?>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            result[key] = ToJson(value);
        }

        return result;
    }

    /// <summary>
    /// Reads extra properties as strings: JSON strings as they are, JSON null as null, anything else
    /// (which Glance does not produce for extra properties) as its raw JSON text.
    /// </summary>
    public static Dictionary<string, string?> ToStrings(IReadOnlyDictionary<string, JsonElement>? properties)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (properties is null)
        {
            return result;
        }

        foreach (var (key, value) in properties)
        {
            result[key] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            };
        }

        return result;
    }

    /// <summary>A JSON string value (or JSON null).</summary>
    public static JsonElement ToJson(string? value) =>
        value is null ? JsonNull : JsonSerializer.SerializeToElement(value, GlanceV2JsonContext.Default.String);

    private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement.Clone();
}
