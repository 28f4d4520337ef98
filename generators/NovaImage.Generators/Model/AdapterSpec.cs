namespace NovaImage.Generators.Model;

/// <summary>A <c>[DirectStore("scheme")]</c> adapter class.</summary>
/// <param name="Scheme">The URL scheme (lower case).</param>
/// <param name="TypeName">The adapter's <c>global::</c> name.</param>
internal sealed record AdapterSpec(string Scheme, string TypeName);
