namespace NovaImage.Generators.Model;

/// <summary>A parameter of an <c>IImageApi</c> member.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its <c>global::</c> type, nullable annotations included.</param>
/// <param name="DefaultValue">Its default value as C# text (<c>default</c> for null), or null when it has none.</param>
/// <param name="IsCancellationToken">Whether it is the member's <c>CancellationToken</c>.</param>
internal sealed record ParameterSpec(string Name, string Type, string? DefaultValue, bool IsCancellationToken);
