namespace NovaImage.V2;

/// <summary>The <c>import-methods</c> object of <c>GET /v2/info/import</c>.</summary>
public sealed record GlanceImportMethods
{
    /// <summary>Human-readable description.</summary>
    public string? Description { get; init; }
    /// <summary>JSON type of <see cref="Value"/> (<c>array</c>).</summary>
    public string? Type { get; init; }
    /// <summary>The method names, e.g. <c>glance-direct</c>, <c>web-download</c>, <c>copy-image</c>.</summary>
    public IReadOnlyList<string> Value { get; init; } = [];
}
