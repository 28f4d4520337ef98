namespace NovaImage.V2;

/// <summary>Glance's JSON error body (sent when the request has <c>Accept: application/json</c>).</summary>
internal sealed record GlanceErrorBody
{
    /// <summary>The message, e.g. <c>No image found with ID ...&lt;br /&gt;&lt;br /&gt;</c> (WebOb's HTML line breaks included).</summary>
    public string? Message { get; init; }
    /// <summary>Status and reason, e.g. <c>404 Not Found</c>.</summary>
    public string? Code { get; init; }
    /// <summary>The reason phrase, e.g. <c>Not Found</c>.</summary>
    public string? Title { get; init; }
}
