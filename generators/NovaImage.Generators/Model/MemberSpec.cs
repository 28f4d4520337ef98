using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>A member of <c>IImageApi</c>.</summary>
/// <param name="Name">The method name.</param>
/// <param name="ReturnType">Its <c>global::</c> return type.</param>
/// <param name="Shape">How it returns (drives the body's shape).</param>
/// <param name="Operation">The <c>ImageOperation</c> member name when it is marked <c>[ImageOperation]</c>; null for members the core answers.</param>
/// <param name="Parameters">Its parameters (the last is the CancellationToken).</param>
internal sealed record MemberSpec(string Name, string ReturnType, ReturnShape Shape, string? Operation, EquatableArray<ParameterSpec> Parameters);
