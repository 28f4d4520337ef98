using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>Everything needed to emit one <c>[GlanceImageApi] partial class</c>: values only.</summary>
/// <param name="Type">The partial class.</param>
/// <param name="Contract">The image API it implements and the versions and adapters that implement it.</param>
/// <param name="Extensions">The compilation's own <c>[GlanceApiVersion]</c> interfaces, whose methods the client exposes as extension calls.</param>
internal sealed record ClientSpec(ApiTypeSpec Type, ContractSpec Contract, EquatableArray<ExtensionInterfaceSpec> Extensions);
