namespace NovaImage.Keystone;

/// <summary>How a client proves its identity to Keystone (<c>auth_type</c>).</summary>
internal enum KeystoneAuthMethod
{
    /// <summary>User and password, scoped to a project (<c>password</c>, <c>v3password</c>).</summary>
    Password,

    /// <summary>An application credential, by id or by name and owner (<c>v3applicationcredential</c>).</summary>
    ApplicationCredential,

    /// <summary>An existing token, rescoped to the project when one is given (<c>token</c>, <c>v3token</c>).</summary>
    Token,
}
