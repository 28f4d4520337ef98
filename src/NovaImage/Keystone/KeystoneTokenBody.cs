namespace NovaImage.Keystone;

/// <summary>The <c>token</c> object: when it expires, whose it is, and the service catalog (absent in an unscoped token).</summary>
internal sealed record KeystoneTokenBody(
    DateTimeOffset ExpiresAt,
    DateTimeOffset? IssuedAt,
    KeystoneReference? User,
    KeystoneReference? Project,
    IReadOnlyList<KeystoneCatalogService>? Catalog);
