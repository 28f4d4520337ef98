using Microsoft.Extensions.Options;
using NovaImage.Core;

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
            // With Keystone the endpoints come from endpoint_override or the catalog.
            failures.Add("[glance] api_servers is empty: list the Glance endpoints, e.g. api_servers = http://glance.example:9292 (appsettings: Glance:ApiServers), or configure Keystone (auth_url and credentials) to find them in the catalog.");
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

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
