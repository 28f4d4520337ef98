namespace NovaImage.Consumer.Tests;

/// <summary>The body of <c>GET /v2/images/{imageId}/tasks</c>.</summary>
public sealed record ImageTaskList
{
    /// <summary>The image's tasks.</summary>
    public List<ImageTaskInfo> Tasks { get; init; } = [];
}
