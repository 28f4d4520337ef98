using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>What every client of a compilation shares: the Glance versions and the direct-store adapters.</summary>
internal sealed record ClientEnvironment(EquatableArray<VersionSpec> Versions, EquatableArray<AdapterSpec> Adapters);
