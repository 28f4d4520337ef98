using Microsoft.Extensions.Options;
using NovaImage.Core;
using NovaImage.Keystone;

namespace NovaImage;

/// <summary>
/// Checks <see cref="GlanceOptions"/> at start (registered with ValidateOnStart): every failure names the nova.conf
/// key (and so the appsettings key) that is wrong, and conflicting settings are refused rather than guessed.
/// </summary>
internal sealed class GlanceOptionsValidator : IValidateOptions<GlanceOptions>
{
    // The longest timer CancellationTokenSource.CancelAfter accepts on every target framework (int.MaxValue ms, rounded down).
    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(24);

    public ValidateOptionsResult Validate(string? name, GlanceOptions options)
    {
        var failures = new List<string>();
#pragma warning disable CS0618 // the deprecated options are validated so that they can be honoured
        var deprecated = options.Host is not null || options.Port is not null || options.Protocol is not null;
        if (options.ApiServers.Count > 0 && deprecated)
        {
            failures.Add("[glance] api_servers and the deprecated host/port/protocol are both set: remove host, port and protocol (api_servers replaces them).");
        }
        else if (options.ApiServers.Count == 0 && !deprecated && options.Keystone is null)
        {
            failures.Add("[glance] api_servers is empty: list the Glance endpoints, e.g. api_servers = http://glance.example:9292 (appsettings: Glance:ApiServers), or configure Keystone (auth_type, auth_url, ...) to find them in the service catalog.");
        }
        else if (options.ApiServers.Count == 0 && deprecated)
        {
            if (string.IsNullOrWhiteSpace(options.Host))
                failures.Add("[glance] host is missing: the deprecated port/protocol need a host; better, set api_servers = protocol://host:port.");
            if (options.Port is < 1 or > 65535)
                failures.Add($"[glance] port: {options.Port} is not a TCP port (1-65535).");
            if (options.Protocol is { } p && !p.Trim().Equals("http", StringComparison.OrdinalIgnoreCase) && !p.Trim().Equals("https", StringComparison.OrdinalIgnoreCase))
                failures.Add($"[glance] protocol: '{p}' is not http or https.");
        }
#pragma warning restore CS0618

        foreach (var entry in options.ApiServers)
        {
            if (!GlanceEndpoints.TryParse(entry, out _, out var problem)) failures.Add($"[glance] api_servers: {problem}");
        }
        if (options.NumRetries < 0)
            failures.Add($"[glance] num_retries: {options.NumRetries} is negative (0 means a single attempt).");
        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero)
            failures.Add($"[glance] timeout: {timeout.TotalSeconds} s is not positive.");
        if (options.StallTimeout is { } stall && (stall <= TimeSpan.Zero || stall > MaxTimer))
            failures.Add($"[glance] stall_timeout: {stall.TotalSeconds} s is not positive or exceeds {MaxTimer.TotalDays} days.");
        if (options.MinTransferRate < 0)
            failures.Add($"[glance] min_transfer_rate: {options.MinTransferRate} bytes/s is negative (0 turns it off).");
        if (options.TransferRateWindow <= TimeSpan.Zero)
            failures.Add($"[glance] transfer_rate_window: {options.TransferRateWindow.TotalSeconds} s is not positive.");
        if (options.TotalTimeout is { } total && (total <= TimeSpan.Zero || total > MaxTimer))
            failures.Add($"[glance] total_timeout: {total.TotalSeconds} s is not positive or exceeds {MaxTimer.TotalDays} days.");
        if (options.MaxResponseSize < 1024)
            failures.Add($"[glance] max_response_size: {options.MaxResponseSize} bytes is below 1024 (Glance's smallest answers would not fit).");
        if (options.RetryDelay < TimeSpan.Zero)
            failures.Add($"[glance] retry_delay: {options.RetryDelay.TotalSeconds} s is negative.");
        if (options.FailedServerCooldown < TimeSpan.Zero)
            failures.Add($"[glance] failed_server_cooldown: {options.FailedServerCooldown.TotalSeconds} s is negative (0 turns it off).");
        if (options.DownloadParallelism < 1)
            failures.Add($"[glance] download_parallelism: {options.DownloadParallelism} is below 1 (1 downloads one stream; more fetch that many ranges at once).");
        if (options.Token is { Length: > 0 } token && GlanceTokens.Problem(token) is { } tokenProblem)
            failures.Add($"[glance] token: {tokenProblem}.");
        if (options.Insecure && !string.IsNullOrEmpty(options.CaFile))
            failures.Add("[glance] insecure = true and cafile are both set: a CA file has no effect without verification; remove one.");
        if (!Enum.IsDefined(options.ApiVersion))
            failures.Add($"[glance] api_version: {(int)options.ApiVersion} is not 1, 2 or auto.");
        foreach (var scheme in options.AllowedDirectUrlSchemes)
        {
            if (scheme.Length == 0 || !char.IsAsciiLetter(scheme[0]) || !scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
                failures.Add($"[glance] allowed_direct_url_schemes: '{scheme}' is not a URL scheme (e.g. file).");
        }
        foreach (var fs in options.Filesystems)
        {
            if (string.IsNullOrWhiteSpace(fs.Id))
                failures.Add($"[image_file_url:{fs.Name}] id is missing: copy the id from Glance's filesystem_store_metadata_file.");
            if (string.IsNullOrWhiteSpace(fs.Mountpoint))
                failures.Add($"[image_file_url:{fs.Name}] mountpoint is missing: give where this host mounts the store.");
        }
        foreach (var duplicate in options.Filesystems.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            failures.Add($"[image_file_url] filesystems: id '{duplicate.Key}' is configured by {string.Join(", ", duplicate.Select(f => f.Name))}; each store id may map to one mountpoint.");
        }
        if (options.CaFile is { Length: > 0 } caFile && !File.Exists(caFile))
            failures.Add($"[glance] cafile: '{caFile}' does not exist.");
        ValidateClientCertificate(options, failures);
        if (options.Keystone is { } keystone) ValidateKeystone(options, keystone, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The keystoneauth options, each failure naming its nova.conf key (clouds.yaml's and OS_*'s names are the same words).
    private static void ValidateKeystone(GlanceOptions options, KeystoneAuthOptions keystone, List<string> failures)
    {
        if (!string.IsNullOrEmpty(options.Token))
            failures.Add("[glance] token is a static token, but Keystone is configured too (auth_type, auth_url, ...): remove one (with auth_type = token, give the Keystone token as the keystoneauth token).");
        if (options.TokenProvider is not null)
            failures.Add("GlanceOptions.TokenProvider is set, but Keystone is configured too ([glance] auth_type, auth_url, ...): the token comes from one of them; remove one.");

        var method = KeystoneAuthMethods.Resolve(keystone);
        if (method is not { } m)
        {
            failures.Add($"[glance] auth_type: '{keystone.AuthType}' is not supported: use {KeystoneAuthMethods.Supported}.");
        }
        else
        {
            var authType = m switch
            {
                KeystoneAuthMethod.Password => "password",
                KeystoneAuthMethod.ApplicationCredential => "v3applicationcredential",
                _ => "token",
            };
            void Require(bool present, string keys)
            {
                if (!present) failures.Add($"[glance] {keys} is required when auth_type = {authType}.");
            }
            Require(Has(keystone.AuthUrl), "auth_url");
            switch (m)
            {
                case KeystoneAuthMethod.Password:
                    Require(Has(keystone.Username) || Has(keystone.UserId), "username (or user_id)");
                    Require(Has(keystone.Password), "password");
                    // An unscoped token carries no catalog, and Glance refuses it.
                    Require(Has(keystone.ProjectName) || Has(keystone.ProjectId), "project_name (or project_id)");
                    break;
                case KeystoneAuthMethod.ApplicationCredential:
                    Require(Has(keystone.ApplicationCredentialSecret), "application_credential_secret");
                    Require(Has(keystone.ApplicationCredentialId) || Has(keystone.ApplicationCredentialName), "application_credential_id (or application_credential_name)");
                    if (!Has(keystone.ApplicationCredentialId) && Has(keystone.ApplicationCredentialName))
                        Require(Has(keystone.UserId) || Has(keystone.Username), "user_id (or username) of the credential's owner with application_credential_name, and so");
                    break;
                case KeystoneAuthMethod.Token:
                    Require(Has(keystone.Token), "token");
                    break;
            }
            if (Has(keystone.Username) && !Has(keystone.UserId) && !Has(keystone.UserDomainName) && !Has(keystone.UserDomainId))
                failures.Add("[glance] user_domain_name (or user_domain_id) is required with username: Keystone finds a user by name within a domain (e.g. user_domain_name = Default).");
            if (Has(keystone.ProjectName) && !Has(keystone.ProjectId) && !Has(keystone.ProjectDomainName) && !Has(keystone.ProjectDomainId))
                failures.Add("[glance] project_domain_name (or project_domain_id) is required with project_name: Keystone finds a project by name within a domain (e.g. project_domain_name = Default).");
        }

        if (Has(keystone.AuthUrl) && KeystoneUrlProblem(keystone.AuthUrl!) is { } urlProblem)
            failures.Add($"[glance] auth_url: {urlProblem}");
        if (keystone.ValidInterfaces.Count == 0)
            failures.Add("[glance] valid_interfaces is empty: list the catalog interfaces to use, e.g. valid_interfaces = internal, public.");
        if (string.IsNullOrWhiteSpace(keystone.ServiceType))
            failures.Add("[glance] service_type is empty: Glance's catalog type is image.");
        if (Has(keystone.EndpointOverride) && !GlanceEndpoints.TryParse(keystone.EndpointOverride!, out _, out var overrideProblem))
            failures.Add($"[glance] endpoint_override: {overrideProblem}");

        static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
    }

    // Keystone is reached over http(s); a URL with credentials in it would put them in logs and errors, so it is
    // refused without being repeated.
    private static string? KeystoneUrlProblem(string text) =>
        !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? (text.Contains('@', StringComparison.Ordinal) ? "is not an absolute http or https URL." : $"'{text}' is not an absolute http or https URL (e.g. https://keystone.example:5000/v3).")
            : uri.UserInfo.Length > 0 ? "must not carry a user name or password (give them as username and password)." : null;

    private static void ValidateClientCertificate(GlanceOptions options, List<string> failures)
    {
        var certFile = options.CertFile is { Length: > 0 } c ? c : null;
        var keyFile = options.KeyFile is { Length: > 0 } k ? k : null;
        if (certFile is null)
        {
            if (keyFile is not null) failures.Add("[glance] keyfile is set without certfile: give the client certificate too, or remove keyfile.");
            return;
        }
        var missing = false;
        foreach (var (key, path) in new[] { ("certfile", certFile), ("keyfile", keyFile) })
        {
            if (path is null || File.Exists(path)) continue;
            failures.Add($"[glance] {key}: '{path}' does not exist.");
            missing = true;
        }
        if (missing) return;
        try
        {
            // Loaded here as the handler will load it, so a wrong file fails at start rather than on the first request.
            TlsHandlerFactory.LoadClientCertificate(certFile, keyFile).Dispose();
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException or IOException)
        {
            failures.Add(keyFile is null
                ? $"[glance] certfile: '{certFile}' does not load as a PEM certificate with its private key (give keyfile when the key is in its own file): {ex.Message}"
                : $"[glance] certfile/keyfile: '{certFile}' and '{keyFile}' do not load as a PEM certificate and its private key: {ex.Message}");
        }
    }
}
