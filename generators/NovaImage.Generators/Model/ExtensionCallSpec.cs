using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>A method of a consumer's <c>[GlanceApiVersion]</c> interface, exposed by the generated clients under its name.</summary>
/// <param name="Name">The method name.</param>
/// <param name="ResultType">The <c>global::</c> <c>T</c> of <c>Task&lt;T&gt;</c>, or null for a plain <c>Task</c>.</param>
/// <param name="Parameters">Its parameters (the last is the CancellationToken).</param>
internal sealed record ExtensionCallSpec(string Name, string? ResultType, EquatableArray<ParameterSpec> Parameters);
