using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>
/// What every client of a compilation implements and with what: the members of <c>NovaImage.IImageApi</c>, NovaImage's
/// Glance versions (their operations classes and the operations they have), and the direct-store adapters.
/// </summary>
/// <param name="Members">The members of <c>IImageApi</c>, in declaration order.</param>
/// <param name="Versions">NovaImage's <c>[GlanceApiVersion(N, Operations = ...)]</c> interfaces, highest major first.</param>
/// <param name="Adapters">The adapters to register, by scheme (the compilation's own win over NovaImage's).</param>
internal sealed record ContractSpec(EquatableArray<MemberSpec> Members, EquatableArray<VersionSpec> Versions, EquatableArray<AdapterSpec> Adapters)
{
    public static ContractSpec Empty { get; } = new(EquatableArray<MemberSpec>.Empty, EquatableArray<VersionSpec>.Empty, EquatableArray<AdapterSpec>.Empty);
}
