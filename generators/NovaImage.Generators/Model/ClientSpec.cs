namespace NovaImage.Generators.Model;

/// <summary>Everything needed to emit one <c>[GlanceImageApi] partial class</c>: values only.</summary>
/// <param name="Type">The partial class.</param>
/// <param name="Contract">The image API it implements and the versions and adapters that implement it.</param>
internal sealed record ClientSpec(ApiTypeSpec Type, ContractSpec Contract);
