namespace NovaImage.Keystone;

/// <summary>The <c>identity</c> object: one method and its credentials.</summary>
internal sealed record KeystoneIdentity(
    IReadOnlyList<string> Methods,
    KeystonePasswordMethod? Password = null,
    KeystoneApplicationCredentialMethod? ApplicationCredential = null,
    KeystoneTokenMethod? Token = null);
