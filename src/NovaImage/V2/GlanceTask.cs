using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>An asynchronous task (<c>/v2/tasks</c>, and the import tasks of <c>GET /v2/images/{id}/tasks</c>).</summary>
public sealed record GlanceTask
{
    /// <summary>The task id.</summary>
    public required string Id { get; init; }
    /// <summary><c>import</c>, <c>api_image_import</c>, <c>location_import</c>.</summary>
    public string? Type { get; init; }
    /// <summary>pending, processing, success or failure.</summary>
    public string? Status { get; init; }
    /// <summary>The task's input.</summary>
    public JsonElement? Input { get; init; }
    /// <summary>The task's result (e.g. <c>image_id</c>), when done.</summary>
    public JsonElement? Result { get; init; }
    /// <summary>The owning project.</summary>
    public string? Owner { get; init; }
    /// <summary>A failure message, or empty.</summary>
    public string? Message { get; init; }
    /// <summary>When the task record expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>Last update time.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>Image tasks: the image the task works on.</summary>
    public string? ImageId { get; init; }
    /// <summary>Image tasks: the request that started it.</summary>
    public string? RequestId { get; init; }
    /// <summary>Image tasks: the user that started it.</summary>
    public string? UserId { get; init; }
    /// <summary>Relative URL of the task.</summary>
    public string? Self { get; init; }
    /// <summary>Relative URL of the task schema.</summary>
    public string? Schema { get; init; }

    /// <summary>Any other key the server sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtraProperties { get; set; }
}
