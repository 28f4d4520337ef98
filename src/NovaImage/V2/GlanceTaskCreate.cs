using System.Text.Json;

namespace NovaImage.V2;

/// <summary>The body of <c>POST /v2/tasks</c> (admin by default).</summary>
public sealed record GlanceTaskCreate
{
    /// <summary>The task type (<c>import</c>).</summary>
    public required string Type { get; init; }
    /// <summary>The task input, e.g. <c>{"import_from": ..., "import_from_format": "raw", "image_properties": {...}}</c>.</summary>
    public required JsonElement Input { get; init; }
}
