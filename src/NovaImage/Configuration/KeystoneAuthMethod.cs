namespace NovaImage;

/// <summary>The Keystone v3 authentication methods NovaImage speaks (keystoneauth's plugin names in <see cref="KeystoneAuthMethods"/>).</summary>
internal enum KeystoneAuthMethod
{
    /// <summary><c>password</c> / <c>v3password</c>.</summary>
    Password,

    /// <summary><c>v3applicationcredential</c> / <c>applicationcredential</c>.</summary>
    ApplicationCredential,

    /// <summary><c>token</c> / <c>v3token</c>.</summary>
    Token,
}
