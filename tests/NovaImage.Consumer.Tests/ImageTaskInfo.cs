namespace NovaImage.Consumer.Tests;

/// <summary>One Glance task (the fields this project reads).</summary>
public sealed record ImageTaskInfo
{
    /// <summary>The task id.</summary>
    public string Id { get; init; } = "";
    /// <summary>The task type (<c>api_image_import</c> for an interoperable import).</summary>
    public string Type { get; init; } = "";
    /// <summary><c>pending</c>, <c>processing</c>, <c>success</c> or <c>failure</c>.</summary>
    public string Status { get; init; } = "";
}
