namespace NovaImage;

/// <summary>
/// The keystoneauth option names NovaImage reads, in one table for every source: nova.conf's <c>[glance]</c>,
/// appsettings' <c>Glance:Keystone</c>, clouds.yaml and the <c>OS_*</c> variables. keystoneauth spells them the same
/// in all three OpenStack sources, so one name serves nova.conf, clouds.yaml's <c>auth:</c> and <c>OS_</c>+NAME.
/// </summary>
internal static class KeystoneAuthKeys
{
    /// <summary>The credential keys (clouds.yaml's <c>auth:</c> mapping).</summary>
    public static IReadOnlyList<KeystoneAuthKey> Credentials { get; } =
    [
        new("auth_url", nameof(KeystoneAuthOptions.AuthUrl), static (o, v) => o.AuthUrl = v),
        new("username", nameof(KeystoneAuthOptions.Username), static (o, v) => o.Username = v),
        new("user_id", nameof(KeystoneAuthOptions.UserId), static (o, v) => o.UserId = v),
        new("password", nameof(KeystoneAuthOptions.Password), static (o, v) => o.Password = v),
        new("user_domain_name", nameof(KeystoneAuthOptions.UserDomainName), static (o, v) => o.UserDomainName = v),
        new("user_domain_id", nameof(KeystoneAuthOptions.UserDomainId), static (o, v) => o.UserDomainId = v),
        new("project_name", nameof(KeystoneAuthOptions.ProjectName), static (o, v) => o.ProjectName = v),
        new("project_id", nameof(KeystoneAuthOptions.ProjectId), static (o, v) => o.ProjectId = v),
        new("project_domain_name", nameof(KeystoneAuthOptions.ProjectDomainName), static (o, v) => o.ProjectDomainName = v),
        new("project_domain_id", nameof(KeystoneAuthOptions.ProjectDomainId), static (o, v) => o.ProjectDomainId = v),
        new("application_credential_id", nameof(KeystoneAuthOptions.ApplicationCredentialId), static (o, v) => o.ApplicationCredentialId = v),
        new("application_credential_name", nameof(KeystoneAuthOptions.ApplicationCredentialName), static (o, v) => o.ApplicationCredentialName = v),
        new("application_credential_secret", nameof(KeystoneAuthOptions.ApplicationCredentialSecret), static (o, v) => o.ApplicationCredentialSecret = v),
        new("token", nameof(KeystoneAuthOptions.Token), static (o, v) => o.Token = v),
    ];

    /// <summary><c>auth_type</c>: a top-level key of a clouds.yaml cloud, a <c>[glance]</c> key in nova.conf.</summary>
    public static KeystoneAuthKey AuthType { get; } = new("auth_type", nameof(KeystoneAuthOptions.AuthType), static (o, v) => o.AuthType = v);

    /// <summary><c>region_name</c>: a top-level key of a clouds.yaml cloud, a <c>[glance]</c> key in nova.conf.</summary>
    public static KeystoneAuthKey RegionName { get; } = new("region_name", nameof(KeystoneAuthOptions.RegionName), static (o, v) => o.RegionName = v);
}
