namespace NovaImage.Generators.Model;

/// <summary>A <c>[GlanceImageApi]</c> class (no location: the generator reports nothing, the analyzer does).</summary>
/// <param name="Namespace">Its namespace, or empty for the global namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="FullyQualifiedName">Its <c>global::</c> name (also the hint name's source).</param>
internal sealed record ApiTypeSpec(string Namespace, string Name, string FullyQualifiedName);
