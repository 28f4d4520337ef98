using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>
/// A consumer's own <c>[GlanceApiVersion(N)]</c> Refit interface: its methods become extension calls of every
/// generated client of the compilation, sent through the client's core.
/// </summary>
/// <param name="InterfaceName">The interface's <c>global::</c> name.</param>
/// <param name="Major">The Glance API major it describes (1 or 2): the core refuses the call on a client using the other.</param>
/// <param name="JsonContext">The <c>global::</c> name of the context named by <c>JsonContext = typeof(...)</c>, or null.</param>
/// <param name="IsPublic">Whether the interface is public all the way out (the members are then public, else internal).</param>
/// <param name="Calls">The methods the generator can expose (the others are the analyzer's NIMG0903).</param>
internal sealed record ExtensionInterfaceSpec(string InterfaceName, int Major, string? JsonContext, bool IsPublic, EquatableArray<ExtensionCallSpec> Calls);
