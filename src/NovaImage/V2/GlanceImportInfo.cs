using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>The body of <c>GET /v2/info/import</c>.</summary>
public sealed record GlanceImportInfo
{
    /// <summary>The enabled import methods.</summary>
    [JsonPropertyName("import-methods")]
    public GlanceImportMethods? ImportMethods { get; init; }
}
