using NovaImage.Keystone;

namespace NovaImage;

/// <summary>Which <see cref="KeystoneAuthMethod"/> a <see cref="KeystoneAuthOptions"/> asks for: one rule for the validator and the Keystone session.</summary>
internal static class KeystoneAuthMethods
{
    /// <summary>The <c>auth_type</c> values accepted, as users would write them in a message.</summary>
    public const string Supported = "password (v3password), v3applicationcredential (applicationcredential) or token (v3token)";

    /// <summary>
    /// The method named by <see cref="KeystoneAuthOptions.AuthType"/> (keystoneauth's plugin names, any case), or
    /// inferred when it is not set as keystoneauth's loaders would: an application credential id or name means
    /// application credential, a token without a password means token, anything else password. Null for a name that
    /// is not supported.
    /// </summary>
    public static KeystoneAuthMethod? Resolve(KeystoneAuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AuthType))
        {
            if (!string.IsNullOrEmpty(options.ApplicationCredentialId) || !string.IsNullOrEmpty(options.ApplicationCredentialName))
                return KeystoneAuthMethod.ApplicationCredential;
            return !string.IsNullOrEmpty(options.Token) && string.IsNullOrEmpty(options.Password)
                ? KeystoneAuthMethod.Token
                : KeystoneAuthMethod.Password;
        }
        return options.AuthType.Trim().ToLowerInvariant() switch
        {
            "password" or "v3password" => KeystoneAuthMethod.Password,
            "v3applicationcredential" or "applicationcredential" or "v3_application_credential" => KeystoneAuthMethod.ApplicationCredential,
            "token" or "v3token" => KeystoneAuthMethod.Token,
            _ => null,
        };
    }
}
