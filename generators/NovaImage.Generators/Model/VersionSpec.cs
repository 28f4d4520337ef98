using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>One of NovaImage's Glance Refit interfaces (<c>[GlanceApiVersion(N, Operations = typeof(...))]</c>).</summary>
/// <param name="Major">The API major version.</param>
/// <param name="OperationsType">The <c>global::</c> name of the static class implementing its operations.</param>
/// <param name="Operations">The <c>ImageOperation</c> names its methods carry.</param>
internal sealed record VersionSpec(int Major, string OperationsType, EquatableArray<string> Operations);
