namespace NovaImage;

/// <summary>
/// How a client authenticates with Keystone v3 and finds its Glance endpoint in the service catalog (nova.conf's
/// <c>[glance]</c> keystoneauth options, a <c>clouds.yaml</c> cloud, or the <c>OS_*</c> variables). Set it as
/// <see cref="GlanceOptions.Keystone"/>; the client then gets its token from Keystone (cached, renewed before it
/// expires and once when Glance answers 401) and, unless <see cref="GlanceOptions.ApiServers"/> or
/// <see cref="EndpointOverride"/> is set, its endpoint from the catalog. Keystone traffic uses the client's TLS settings
/// (<c>cafile</c>, <c>insecure</c>, client certificate) and response limits, and follows no redirects. Secrets
/// (<see cref="Password"/>, <see cref="ApplicationCredentialSecret"/>, <see cref="Token"/>) are never logged nor put in
/// error messages.
/// </summary>
public sealed class KeystoneAuthOptions
{
    /// <summary>
    /// The authentication method (<c>auth_type</c>): <c>password</c> (or <c>v3password</c>),
    /// <c>v3applicationcredential</c> (or <c>applicationcredential</c>), <c>token</c> (or <c>v3token</c>). When null, it is
    /// inferred: an application credential id or name means <c>v3applicationcredential</c>, a <see cref="Token"/> without a
    /// password means <c>token</c>, otherwise <c>password</c>.
    /// </summary>
    public string? AuthType { get; set; }

    /// <summary>The Keystone identity endpoint (<c>auth_url</c>), e.g. <c>https://keystone.example:5000/v3</c>; a URL without <c>/v3</c> gets it appended.</summary>
    public string? AuthUrl { get; set; }

    /// <summary>The user's name (<c>username</c>); needs <see cref="UserDomainName"/> or <see cref="UserDomainId"/>.</summary>
    public string? Username { get; set; }

    /// <summary>The user's id (<c>user_id</c>); used instead of <see cref="Username"/> when set.</summary>
    public string? UserId { get; set; }

    /// <summary>The user's password (<c>password</c>). Secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The domain of <see cref="Username"/>, by name (<c>user_domain_name</c>).</summary>
    public string? UserDomainName { get; set; }

    /// <summary>The domain of <see cref="Username"/>, by id (<c>user_domain_id</c>); wins over <see cref="UserDomainName"/>.</summary>
    public string? UserDomainId { get; set; }

    /// <summary>The project the token is scoped to, by name (<c>project_name</c>); needs <see cref="ProjectDomainName"/> or <see cref="ProjectDomainId"/>.</summary>
    public string? ProjectName { get; set; }

    /// <summary>The project the token is scoped to, by id (<c>project_id</c>); wins over <see cref="ProjectName"/>.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The domain of <see cref="ProjectName"/>, by name (<c>project_domain_name</c>).</summary>
    public string? ProjectDomainName { get; set; }

    /// <summary>The domain of <see cref="ProjectName"/>, by id (<c>project_domain_id</c>); wins over <see cref="ProjectDomainName"/>.</summary>
    public string? ProjectDomainId { get; set; }

    /// <summary>The application credential's id (<c>application_credential_id</c>).</summary>
    public string? ApplicationCredentialId { get; set; }

    /// <summary>
    /// The application credential's name (<c>application_credential_name</c>); used when no id is given, together with
    /// the owning user (<see cref="UserId"/>, or <see cref="Username"/> and its domain).
    /// </summary>
    public string? ApplicationCredentialName { get; set; }

    /// <summary>The application credential's secret (<c>application_credential_secret</c>). Secret: never logged.</summary>
    public string? ApplicationCredentialSecret { get; set; }

    /// <summary>
    /// An existing Keystone token (<c>token</c> with <c>auth_type = token</c>); when a project is given it is exchanged
    /// for a token scoped to that project. It cannot be renewed: once it expires or is revoked, calls fail with
    /// <see cref="ImageNotAuthorizedException"/>. Secret: never logged.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The catalog region to take endpoints from (<c>region_name</c>); null accepts any region.</summary>
    public string? RegionName { get; set; }

    /// <summary>
    /// The catalog interfaces acceptable, in order of preference (<c>valid_interfaces</c>; default internal, then public,
    /// as Nova). Each entry is <c>public</c>, <c>internal</c> or <c>admin</c> (a <c>URL</c> suffix, as in <c>publicURL</c>, is accepted).
    /// </summary>
    public IList<string> ValidInterfaces { get; set; } = ["internal", "public"];

    /// <summary>The catalog service type of Glance (<c>service_type</c>, default <c>image</c>).</summary>
    public string ServiceType { get; set; } = "image";

    /// <summary>
    /// The Glance endpoint to use instead of the catalog's (<c>endpoint_override</c>); the token still comes from
    /// Keystone. <see cref="GlanceOptions.ApiServers"/>, when set, wins over both, as in Nova.
    /// </summary>
    public string? EndpointOverride { get; set; }
}
