namespace NovaImage.Cli.Output;

/// <summary>The <c>--json</c> result of a command that changes something and has nothing else to return.</summary>
/// <param name="Action">What was done, e.g. <c>delete</c>, <c>tag-add</c>.</param>
/// <param name="ImageId">The image.</param>
/// <param name="Detail">The tag, member or method concerned, if any.</param>
internal sealed record ActionOutput(string Action, string ImageId, string? Detail = null);
