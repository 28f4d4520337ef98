using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>Everything needed to emit one <c>[GlanceImageApi] partial class</c>: values only.</summary>
/// <param name="Type">The partial class.</param>
/// <param name="Versions">The Glance Refit interfaces visible to the compilation, by major version.</param>
/// <param name="Adapters">The direct-store adapters to register (the compilation's own and NovaImage's built-in ones).</param>
internal sealed record ClientSpec(ApiTypeSpec Type, EquatableArray<VersionSpec> Versions, EquatableArray<AdapterSpec> Adapters);

/// <summary>A <c>[GlanceImageApi]</c> class.</summary>
/// <param name="Namespace">Its namespace, or empty for the global namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="FullyQualifiedName">Its <c>global::</c> name (also the hint name's source).</param>
/// <param name="Location">Where it is declared (for diagnostics).</param>
internal sealed record ApiTypeSpec(string Namespace, string Name, string FullyQualifiedName, LocationInfo? Location);

/// <summary>One Glance Refit interface (<c>[GlanceApiVersion(N)]</c>).</summary>
/// <param name="Major">The API major version.</param>
/// <param name="InterfaceName">The interface's <c>global::</c> name.</param>
/// <param name="Operations">Its <c>[ImageOperation]</c> methods.</param>
internal sealed record VersionSpec(int Major, string InterfaceName, EquatableArray<OperationSpec> Operations);

/// <summary>A Refit method marked <c>[ImageOperation(X)]</c>.</summary>
/// <param name="Operation">The <c>ImageOperation</c> member name.</param>
/// <param name="MethodName">The method.</param>
/// <param name="ReturnsPlainTask">Returns <c>Task</c> (no result).</param>
/// <param name="Parameters">Its parameters.</param>
internal sealed record OperationSpec(string Operation, string MethodName, bool ReturnsPlainTask, EquatableArray<ParameterSpec> Parameters);

/// <summary>A Refit method parameter.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its <c>global::</c> type name.</param>
/// <param name="IsOptional">Has a default value.</param>
internal sealed record ParameterSpec(string Name, string Type, bool IsOptional);

/// <summary>A <c>[DirectStore("scheme")]</c> adapter class.</summary>
/// <param name="Scheme">The URL scheme (lower case).</param>
/// <param name="TypeName">The adapter's <c>global::</c> name.</param>
internal sealed record AdapterSpec(string Scheme, string TypeName);
