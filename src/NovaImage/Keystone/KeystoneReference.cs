namespace NovaImage.Keystone;

/// <summary>A Keystone user, project or domain by id, or by name (with its domain): in requests and in token documents.</summary>
internal sealed record KeystoneReference(string? Id, string? Name, KeystoneReference? Domain = null);
