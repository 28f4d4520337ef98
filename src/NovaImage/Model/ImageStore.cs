namespace NovaImage;

/// <summary>A store of a multi-store Glance (<c>GET /v2/info/stores</c>).</summary>
/// <param name="Id">The store id (what uploads and imports name).</param>
/// <param name="Description">The operator's description, when any.</param>
/// <param name="IsDefault">Whether data goes here when no store is named.</param>
/// <param name="IsReadOnly">Whether the store refuses new data.</param>
public sealed record ImageStore(string Id, string? Description, bool IsDefault, bool IsReadOnly);
