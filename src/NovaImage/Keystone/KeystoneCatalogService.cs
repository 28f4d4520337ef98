namespace NovaImage.Keystone;

/// <summary>One service of the catalog: its type (e.g. <c>image</c>), name and endpoints.</summary>
internal sealed record KeystoneCatalogService(string? Type, string? Name, IReadOnlyList<KeystoneCatalogEndpoint>? Endpoints);
