namespace NovaImage.Keystone;

/// <summary>One endpoint of a catalog service: interface (public, internal, admin), region and URL.</summary>
internal sealed record KeystoneCatalogEndpoint(string? Interface, string? RegionId, string? Region, string? Url);
