using System.Text.Json;

namespace NovaImage.Keystone;

/// <summary>
/// What a client sends Keystone to get a token, from its <see cref="KeystoneAuthOptions"/>: the method (password,
/// application credential, existing token), the request, and a description of the identity for logs and messages that
/// names the user, project or credential id and never a secret.
/// </summary>
internal sealed class KeystoneCredentials
{
    private readonly KeystoneAuthOptions _options;

    private KeystoneCredentials(KeystoneAuthOptions options, KeystoneAuthMethod method)
    {
        _options = options;
        Method = method;
        Description = Describe(options, method);
    }

    /// <summary>The method in use.</summary>
    public KeystoneAuthMethod Method { get; }

    /// <summary>Who is authenticating, for logs and messages (no secret).</summary>
    public string Description { get; }

    /// <summary>The credentials of <paramref name="options"/>.</summary>
    /// <exception cref="GlanceConfigurationException">The options name no usable method or lack what it needs (named by its nova.conf key).</exception>
    public static KeystoneCredentials From(KeystoneAuthOptions options)
    {
        var method = MethodOf(options);
        if (Missing(options, method) is { } missing)
            throw new GlanceConfigurationException($"Keystone authentication ([glance] auth_type = {Name(method)}) needs {missing}");
        return new KeystoneCredentials(options, method);
    }

    /// <summary>
    /// The request for a token at <paramref name="tokens"/> (<c>…/v3/auth/tokens</c>): a POST with a JSON body of known
    /// length (Keystone under uwsgi refuses chunked bodies); for an existing token without a project, a GET that
    /// validates the token itself (its catalog and expiry come back; there is nothing to rescope).
    /// </summary>
    public HttpRequestMessage CreateRequest(Uri tokens)
    {
        if (Method == KeystoneAuthMethod.Token && Project() is null)
        {
            var validate = new HttpRequestMessage(HttpMethod.Get, tokens);
            validate.Headers.Add("X-Auth-Token", _options.Token);
            validate.Headers.Add("X-Subject-Token", _options.Token);
            return validate;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(new KeystoneAuthRequest(new KeystoneAuthBody(Identity(), Scope())), KeystoneJsonContext.Default.KeystoneAuthRequest);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return new HttpRequestMessage(HttpMethod.Post, tokens) { Content = content };
    }

    private KeystoneIdentity Identity() => Method switch
    {
        KeystoneAuthMethod.Password => new(["password"], Password: new(User(_options.Password))),
        KeystoneAuthMethod.ApplicationCredential => new(["application_credential"], ApplicationCredential: Text(_options.ApplicationCredentialId) is { } id
            ? new(id, null, _options.ApplicationCredentialSecret!, null)
            : new(null, _options.ApplicationCredentialName, _options.ApplicationCredentialSecret!, User(null))),
        _ => new(["token"], Token: new(_options.Token!)),
    };

    // An application credential carries its own project: Keystone refuses a request that asks for another scope.
    private KeystoneScope? Scope() => Method == KeystoneAuthMethod.ApplicationCredential || Project() is not { } project ? null : new(project);

    private KeystoneUser User(string? password) => Text(_options.UserId) is { } id
        ? new(id, null, null, password)
        : new(null, _options.Username, Domain(_options.UserDomainId, _options.UserDomainName), password);

    private KeystoneReference? Project() =>
        Text(_options.ProjectId) is { } id ? new(id, null)
        : Text(_options.ProjectName) is { } name ? new(null, name, Domain(_options.ProjectDomainId, _options.ProjectDomainName))
        : null;

    private static KeystoneReference? Domain(string? id, string? name) =>
        Text(id) is { } domainId ? new(domainId, null) : Text(name) is { } domainName ? new(null, domainName) : null;

    private static KeystoneAuthMethod MethodOf(KeystoneAuthOptions options) =>
        KeystoneAuthMethods.Resolve(options) ?? throw new GlanceConfigurationException(
            $"[glance] auth_type '{options.AuthType}' is not supported; use {KeystoneAuthMethods.Supported}");

    private static string? Missing(KeystoneAuthOptions o, KeystoneAuthMethod method)
    {
        var user = Text(o.UserId) is not null || (Text(o.Username) is not null && (Text(o.UserDomainId) ?? Text(o.UserDomainName)) is not null);
        return method switch
        {
            KeystoneAuthMethod.Password when !user => "user_id, or username with user_domain_name or user_domain_id",
            KeystoneAuthMethod.Password when Text(o.Password) is null => "password",
            KeystoneAuthMethod.ApplicationCredential when Text(o.ApplicationCredentialSecret) is null => "application_credential_secret",
            KeystoneAuthMethod.ApplicationCredential when Text(o.ApplicationCredentialId) is null && Text(o.ApplicationCredentialName) is null =>
                "application_credential_id, or application_credential_name with its user",
            KeystoneAuthMethod.ApplicationCredential when Text(o.ApplicationCredentialId) is null && !user =>
                "the owner of application_credential_name: user_id, or username with user_domain_name or user_domain_id",
            KeystoneAuthMethod.Token when Text(o.Token) is null => "token",
            _ when Text(o.ProjectId) is null && Text(o.ProjectName) is not null && (Text(o.ProjectDomainId) ?? Text(o.ProjectDomainName)) is null =>
                "project_domain_name or project_domain_id for project_name",
            _ => null,
        };
    }

    private static string Describe(KeystoneAuthOptions o, KeystoneAuthMethod method)
    {
        var user = Text(o.UserId) is { } userId ? $"user id {userId}"
            : Text(o.Username) is { } name ? $"user '{name}' (domain {Text(o.UserDomainId) ?? Text(o.UserDomainName)})"
            : null;
        var project = Text(o.ProjectId) is { } projectId ? $"project id {projectId}"
            : Text(o.ProjectName) is { } projectName ? $"project '{projectName}' (domain {Text(o.ProjectDomainId) ?? Text(o.ProjectDomainName)})"
            : null;
        var who = method switch
        {
            KeystoneAuthMethod.ApplicationCredential => Text(o.ApplicationCredentialId) is { } id
                ? $"application credential {id}"
                : $"application credential '{o.ApplicationCredentialName}' of {user}",
            KeystoneAuthMethod.Token => "the configured token",
            _ => user!,
        };
        return method == KeystoneAuthMethod.ApplicationCredential || project is null ? who : $"{who} for {project}";
    }

    private static string Name(KeystoneAuthMethod method) => method switch
    {
        KeystoneAuthMethod.Password => "password",
        KeystoneAuthMethod.ApplicationCredential => "v3applicationcredential",
        _ => "token",
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
