namespace NovaImage.Keystone;

/// <summary>The <c>scope</c> object: the project the token is for.</summary>
internal sealed record KeystoneScope(KeystoneReference Project);
