namespace NovaImage.Cli.Output;

/// <summary>One store in <c>stores --json</c>.</summary>
internal sealed record StoreOutput(string Id, string? Description, bool Default, bool ReadOnly);
