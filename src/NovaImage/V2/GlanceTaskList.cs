namespace NovaImage.V2;

/// <summary>A page of <c>GET /v2/tasks</c>, or the whole of <c>GET /v2/images/{id}/tasks</c> (no links there).</summary>
public sealed record GlanceTaskList
{
    /// <summary>The tasks.</summary>
    public IReadOnlyList<GlanceTask> Tasks { get; init; } = [];
    /// <summary>The query without a marker.</summary>
    public string? First { get; init; }
    /// <summary>The next page, absent on the last page.</summary>
    public string? Next { get; init; }
    /// <summary>Relative URL of the tasks schema.</summary>
    public string? Schema { get; init; }
}
