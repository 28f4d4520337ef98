namespace NovaImage.Keystone;

/// <summary>The <c>password</c> method: the user and their password.</summary>
internal sealed record KeystonePasswordMethod(KeystoneUser User);
