using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace NovaImage;

/// <summary>
/// Binds <see cref="GlanceOptions"/> from configuration. Hand-written rather than the configuration binder (or its
/// source generator) because one section carries two vocabularies: appsettings' PascalCase keys (<c>ApiServers</c>
/// as an array) and nova.conf's keys (<c>api_servers</c> as a comma list, <c>timeout</c> in seconds, filesystems in
/// sibling <c>[image_file_url:NAME]</c> sections). Configuration keys are case-insensitive, so nova.conf's
/// <c>[glance]</c> section and appsettings' <c>Glance</c> section are the same section.
/// </summary>
internal static class GlanceOptionsBinder
{
    /// <summary>Binds from the configuration root (reads <c>Glance</c>/<c>[glance]</c> and <c>[image_file_url]</c>).</summary>
    public static void Bind(IConfiguration root, GlanceOptions options)
    {
        var glance = root.GetSection(GlanceOptions.SectionName);

        if (ReadList(glance, "ApiServers", "api_servers") is { } servers) options.ApiServers = servers;
        if (Read(glance, "ApiVersion", "api_version") is { } version) options.ApiVersion = ParseApiVersion(version);
        else if (Read(glance, "use_glance_v1") is { } useV1 && ParseBool(useV1, "use_glance_v1")) options.ApiVersion = ApiVersion.V1; // Newton's switch
        if (Read(glance, "NumRetries", "num_retries") is { } retries) options.NumRetries = ParseInt(retries, "num_retries");
        if (Read(glance, "Timeout", "timeout") is { } timeout) options.Timeout = ParseSeconds(timeout, "timeout");
        if (Read(glance, "StallTimeout", "stall_timeout") is { } stall) options.StallTimeout = ParseSeconds(stall, "stall_timeout");
        if (Read(glance, "MinTransferRate", "min_transfer_rate") is { } rate) options.MinTransferRate = ParseLong(rate, "min_transfer_rate");
        if (Read(glance, "TransferRateWindow", "transfer_rate_window") is { } window) options.TransferRateWindow = ParseSeconds(window, "transfer_rate_window");
        if (Read(glance, "TotalTimeout", "total_timeout") is { } total) options.TotalTimeout = ParseSeconds(total, "total_timeout");
        if (Read(glance, "MaxResponseSize", "max_response_size") is { } maxSize) options.MaxResponseSize = ParseLong(maxSize, "max_response_size");
        if (Read(glance, "RetryDelay", "retry_delay") is { } delay) options.RetryDelay = ParseSeconds(delay, "retry_delay");
        if (Read(glance, "FailedServerCooldown", "failed_server_cooldown") is { } cooldown) options.FailedServerCooldown = ParseSeconds(cooldown, "failed_server_cooldown");
        if (Read(glance, "Insecure", "insecure", "api_insecure") is { } insecure) options.Insecure = ParseBool(insecure, "insecure");
        if (Read(glance, "CaFile", "cafile") is { } caFile) options.CaFile = caFile;
        if (Read(glance, "CertFile", "certfile") is { } certFile) options.CertFile = certFile;
        if (Read(glance, "KeyFile", "keyfile") is { } keyFile) options.KeyFile = keyFile;
        BindKeystone(glance, options);
        if (Read(glance, "VerifyMd5", "verify_md5") is { } verifyMd5) options.VerifyMd5 = ParseBool(verifyMd5, "verify_md5");
        if (Read(glance, "DownloadParallelism", "download_parallelism") is { } parallelism) options.DownloadParallelism = ParseInt(parallelism, "download_parallelism");
        if (ReadList(glance, "AllowedDirectUrlSchemes", "allowed_direct_url_schemes") is { } schemes) options.AllowedDirectUrlSchemes = schemes;
        if (Read(glance, "VerifyGlanceSignatures", "verify_glance_signatures") is { } verify) options.VerifyGlanceSignatures = ParseBool(verify, "verify_glance_signatures");
        if (Read(glance, "EnableCertificateValidation", "enable_certificate_validation") is { } validate) options.EnableCertificateValidation = ParseBool(validate, "enable_certificate_validation");
        if (ReadList(glance, "DefaultTrustedCertificateIds", "default_trusted_certificate_ids") is { } trusted) options.DefaultTrustedCertificateIds = trusted;
        if (Read(glance, "SigningCertificateDirectory", "signing_certificate_dir") is { } certificateDirectory) options.SigningCertificateDirectory = certificateDirectory;

#pragma warning disable CS0618 // the deprecated options are bound so that they can be honoured (and warned about)
        if (Read(glance, "Host", "host") is { } host) options.Host = host;
        if (Read(glance, "Port", "port") is { } port) options.Port = ParseInt(port, "port");
        if (Read(glance, "Protocol", "protocol") is { } protocol) options.Protocol = protocol;
#pragma warning restore CS0618

        var filesystems = new List<ImageFileSystem>();
        foreach (var child in glance.GetSection("Filesystems").GetChildren())
        {
            filesystems.Add(new ImageFileSystem
            {
                Name = child["Name"] ?? child.Key,
                Id = child["Id"] ?? "",
                Mountpoint = child["Mountpoint"] ?? "",
            });
        }

        // nova.conf: [image_file_url] filesystems = a, b   and   [image_file_url:a] id = ... / mountpoint = ...
        var imageFileUrl = root.GetSection("image_file_url");
        foreach (var name in SplitList(imageFileUrl["filesystems"]))
        {
            var section = imageFileUrl.GetSection(name);
            filesystems.Add(new ImageFileSystem { Name = name, Id = section["id"] ?? "", Mountpoint = section["mountpoint"] ?? "" });
        }
        if (filesystems.Count > 0) options.Filesystems = filesystems;
    }

    /// <summary>
    /// Keystone: appsettings' <c>Glance:Keystone</c> section (<see cref="KeystoneAuthOptions"/>' property names, or
    /// keystoneauth's), or nova.conf's keystoneauth keys directly in <c>[glance]</c>. A credential key or
    /// <c>auth_type</c> turns Keystone on; the catalog keys (<c>region_name</c>, <c>valid_interfaces</c>,
    /// <c>service_type</c>, <c>endpoint_override</c>) alone do not, since a nova.conf may keep them beside
    /// <c>api_servers</c> for a deployment where Nova passes on the user's token.
    /// </summary>
    private static void BindKeystone(IConfigurationSection glance, GlanceOptions options)
    {
        var nested = glance.GetSection("Keystone");
        // [glance] token is keystoneauth's (auth_type = token) when nova.conf configures Keystone in [glance] itself;
        // otherwise it is the static X-Auth-Token it has always been (appsettings' Glance:Token too).
        var flat = glance[KeystoneAuthKeys.AuthType.Name] is not null
            || KeystoneAuthKeys.Credentials.Any(key => key.Name != "token" && glance[key.Name] is not null);
        var token = Read(glance, "Token", "token");
        if (!flat && token is not null) options.Token = token;
        if (!flat && !nested.GetChildren().Any()) return;

        var keystone = options.Keystone ?? new KeystoneAuthOptions();
        foreach (var key in KeystoneAuthKeys.Credentials.Append(KeystoneAuthKeys.AuthType).Append(KeystoneAuthKeys.RegionName))
        {
            var value = Read(nested, key.Property, key.Name) ?? (flat ? Read(glance, key.Name) : null);
            if (value is not null) key.Set(keystone, value);
        }
        if ((ReadList(nested, "ValidInterfaces", "valid_interfaces") ?? (flat ? ReadList(glance, "valid_interfaces") : null)) is { } interfaces)
            keystone.ValidInterfaces = interfaces;
        if ((Read(nested, "ServiceType", "service_type") ?? (flat ? Read(glance, "service_type") : null)) is { } serviceType)
            keystone.ServiceType = serviceType;
        if ((Read(nested, "EndpointOverride", "endpoint_override") ?? (flat ? Read(glance, "endpoint_override") : null)) is { } endpointOverride)
            keystone.EndpointOverride = endpointOverride;
        options.Keystone = keystone;
    }

    private static OptionsValidationException Invalid(string key, string problem) =>
        new(Options.DefaultName, typeof(GlanceOptions), [$"[glance] {key}: {problem}"]);

    private static string? Read(IConfigurationSection section, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (section[key] is { } value) return value.Trim();
        }
        return null;
    }

    // A list is either a comma-separated value (nova.conf, environment variables) or an array section (appsettings).
    private static List<string>? ReadList(IConfigurationSection section, params string[] keys)
    {
        foreach (var key in keys)
        {
            var child = section.GetSection(key);
            if (child.Value is { } text) return SplitList(text);
            var items = child.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
            if (items.Count > 0) return items;
        }
        return null;
    }

    private static List<string> SplitList(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static ApiVersion ParseApiVersion(string text) => text.Trim().TrimStart('v', 'V') switch
    {
        "2" or "2.0" => ApiVersion.V2,
        "1" or "1.0" => ApiVersion.V1,
        _ when text.Equals("auto", StringComparison.OrdinalIgnoreCase) => ApiVersion.Auto,
        _ => throw Invalid("api_version", $"'{text}' is not a Glance API version: use 2 (default), 1 or auto."),
    };

    private static int ParseInt(string text, string key) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(key, $"'{text}' is not an integer.");

    private static long ParseLong(string text, string key) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(key, $"'{text}' is not an integer.");

    private static bool ParseBool(string text, string key) =>
        bool.TryParse(text, out var value) ? value
        : text is "1" or "yes" or "on" ? true
        : text is "0" or "no" or "off" ? false
        : throw Invalid(key, $"'{text}' is not a boolean (true/false).");

    // nova.conf gives seconds ("30", "2.5"); appsettings may give a TimeSpan ("00:00:30").
    private static TimeSpan ParseSeconds(string text, string key)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
            return TimeSpan.FromSeconds(seconds);
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)) return span;
        throw Invalid(key, $"'{text}' is neither a number of seconds nor a time span.");
    }
}
