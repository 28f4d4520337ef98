using System.Collections;

namespace NovaImage;

/// <summary>
/// Configures a client the way the <c>openstack</c> command finds its cloud: a cloud from <c>clouds.yaml</c> (with
/// <c>secure.yaml</c> merged over it), then the <c>OS_*</c> environment variables over that. The result goes into
/// <see cref="GlanceOptions"/>: the credentials, <c>auth_type</c> and <c>region_name</c> into
/// <see cref="GlanceOptions.Keystone"/>, <c>interface</c> as <see cref="KeystoneAuthOptions.ValidInterfaces"/>,
/// <c>image_api_version</c>, <c>image_endpoint_override</c> (<c>OS_IMAGE_URL</c>), and <c>cacert</c> /
/// <c>verify</c> / <c>cert</c> / <c>key</c> as the TLS options.
/// </summary>
/// <remarks>
/// <para>
/// Files are searched as openstacksdk does: <c>OS_CLIENT_CONFIG_FILE</c> first, then <c>clouds.yaml</c> (or
/// <c>.yml</c>, <c>.json</c>) in the current directory, <c>~/.config/openstack</c> and <c>/etc/openstack</c>; the
/// first one found is used. <c>secure.yaml</c> is found the same way (<c>OS_CLIENT_SECURE_FILE</c> first).
/// </para>
/// <para>
/// Precedence is openstackclient's: an <c>OS_*</c> variable wins over the cloud's value (<c>OS_CLOUD=prod
/// OS_PASSWORD=...</c> uses prod with that password). openstacksdk as a library differs: once <c>OS_CLOUD</c> names a
/// cloud it ignores the other <c>OS_*</c> variables. A cloud is used only when named (the <c>cloud</c> argument or
/// <c>OS_CLOUD</c>): a lone cloud in clouds.yaml is not picked implicitly, so a clouds.yaml lying around never
/// changes a client configured otherwise. Without a cloud, the <c>OS_*</c> variables alone configure Keystone
/// (openstacksdk's "envvars" cloud); with neither, the options are left as they are.
/// </para>
/// </remarks>
public static class OpenStackCloudConfiguration
{
    // Values that are not keystoneauth credentials, as clouds.yaml spells them (OS_ + upper case for the variable).
    private const string Interface = "interface";
    private const string ImageApiVersion = "image_api_version";
    private const string ImageEndpointOverride = "image_endpoint_override";
    private const string ImageServiceType = "image_service_type";
    private const string CaCert = "cacert";
    private const string Cert = "cert";
    private const string Key = "key";
    private const string Verify = "verify";
    private const string Insecure = "insecure";

    /// <summary>
    /// Fills <paramref name="options"/> from the cloud named <paramref name="cloud"/> (else <c>OS_CLOUD</c>) and the
    /// <c>OS_*</c> variables, and returns it. Use it where options are configured, e.g.
    /// <c>services.AddGlanceImageApi(o =&gt; OpenStackCloudConfiguration.Apply(o, "prod"))</c> or
    /// <c>GlanceImageApi.Create(OpenStackCloudConfiguration.Apply(new GlanceOptions(), "prod"))</c>.
    /// </summary>
    /// <param name="options">The options to fill; values the cloud and the variables do not give are kept.</param>
    /// <param name="cloud">The cloud's name in clouds.yaml; null means <c>OS_CLOUD</c>, and no cloud when that is unset.</param>
    /// <param name="environment">The variables to read (<c>OS_*</c>, <c>HOME</c>, <c>XDG_CONFIG_HOME</c>); null means the process environment.</param>
    /// <exception cref="GlanceConfigurationException">
    /// A cloud is named but no clouds.yaml has it, a file is not valid YAML, or a value cannot be used (e.g.
    /// <c>image_api_version: 3</c>); the message names the file or variable.
    /// </exception>
    public static GlanceOptions Apply(GlanceOptions options, string? cloud = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        Apply(options, cloud, environment ?? ProcessEnvironment(), Environment.CurrentDirectory);

    /// <summary>As the public overload, with the current directory given (tests).</summary>
    internal static GlanceOptions Apply(GlanceOptions options, string? cloud, IReadOnlyDictionary<string, string?> environment, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, (string Value, string Source)>(StringComparer.Ordinal);
        if ((NonEmpty(cloud) ?? Variable(environment, "OS_CLOUD")) is { } name) ReadCloud(name, environment, currentDirectory, settings);
        ReadEnvironment(environment, settings);
        ApplySettings(options, settings);
        return options;
    }

    private static void ReadCloud(string name, IReadOnlyDictionary<string, string?> environment, string currentDirectory, Dictionary<string, (string Value, string Source)> settings)
    {
        var directories = OpenStackConfigFile.SearchDirectories(environment, currentDirectory);
        var clouds = OpenStackConfigFile.Candidates("clouds", Variable(environment, "OS_CLIENT_CONFIG_FILE"), directories);
        if (OpenStackConfigFile.ReadFirst(clouds) is not var (path, root))
        {
            throw new GlanceConfigurationException(
                $"cloud '{name}' was asked for (--os-cloud or OS_CLOUD), but there is no clouds.yaml: looked for {string.Join(", ", clouds)}.");
        }
        var source = path;
        if (OpenStackConfigFile.ReadFirst(OpenStackConfigFile.Candidates("secure", Variable(environment, "OS_CLIENT_SECURE_FILE"), directories)) is var (securePath, secure))
        {
            root = OpenStackConfigFile.Merge(root, secure);
            source = $"{path} (with {securePath})";
        }
        var all = root.GetValueOrDefault("clouds") as Dictionary<string, object?>;
        if (all?.GetValueOrDefault(name) is not Dictionary<string, object?> entry)
        {
            var known = all is { Count: > 0 } ? string.Join(", ", all.Keys.Order(StringComparer.Ordinal)) : "none";
            throw new GlanceConfigurationException($"{source} has no cloud named '{name}' (its clouds: {known}).");
        }

        foreach (var (rawKey, value) in entry)
        {
            var key = Normalize(rawKey);
            if (key == "auth" && value is Dictionary<string, object?> auth)
            {
                foreach (var (authKey, authValue) in auth)
                {
                    if (authValue is string text) settings[Normalize(authKey)] = (text, $"{source}: clouds.{name}.auth.{authKey}");
                }
            }
            else if (value is string text)
            {
                settings[key] = (text, $"{source}: clouds.{name}.{rawKey}");
            }
        }
        // Without region_name, openstacksdk takes the first of the cloud's regions (a name, or a mapping with a name).
        if (!settings.ContainsKey(KeystoneAuthKeys.RegionName.Name) && entry.GetValueOrDefault("regions") is List<object?> { Count: > 0 } regions
            && (regions[0] as string ?? (regions[0] as Dictionary<string, object?>)?.GetValueOrDefault("name") as string) is { } first)
        {
            settings[KeystoneAuthKeys.RegionName.Name] = (first, $"{source}: clouds.{name}.regions");
        }
        Alias(settings, "tenant_name", "project_name");
        Alias(settings, "tenant_id", "project_id");
    }

    // An OS_* variable replaces the cloud's value: openstackclient takes them as its options' defaults, and options
    // win over clouds.yaml.
    private static void ReadEnvironment(IReadOnlyDictionary<string, string?> environment, Dictionary<string, (string Value, string Source)> settings)
    {
        var keys = KeystoneAuthKeys.Credentials.Select(k => k.Name)
            .Concat([KeystoneAuthKeys.AuthType.Name, KeystoneAuthKeys.RegionName.Name, Interface, ImageApiVersion, CaCert, Cert, Key, Insecure]);
        foreach (var key in keys)
        {
            var variable = "OS_" + key.ToUpperInvariant();
            if (Variable(environment, variable) is { } value) settings[key] = (value, variable);
        }
        // glanceclient's OS_IMAGE_URL: the image endpoint, instead of the catalog's.
        if (Variable(environment, "OS_IMAGE_URL") is { } imageUrl) settings[ImageEndpointOverride] = (imageUrl, "OS_IMAGE_URL");
        foreach (var (legacy, key) in new[] { ("OS_TENANT_NAME", "project_name"), ("OS_TENANT_ID", "project_id") })
        {
            if (Variable(environment, legacy) is { } value && Variable(environment, "OS_" + key.ToUpperInvariant()) is null) settings[key] = (value, legacy);
        }
    }

    private static void ApplySettings(GlanceOptions options, Dictionary<string, (string Value, string Source)> settings)
    {
        string? Get(string key) => settings.TryGetValue(key, out var setting) ? setting.Value : null;

        var keystoneKeys = KeystoneAuthKeys.Credentials.Append(KeystoneAuthKeys.AuthType).ToList();
        if (keystoneKeys.Any(k => settings.ContainsKey(k.Name))) options.Keystone ??= new KeystoneAuthOptions();
        if (options.Keystone is { } keystone)
        {
            foreach (var key in keystoneKeys.Append(KeystoneAuthKeys.RegionName))
            {
                if (Get(key.Name) is { } value) key.Set(keystone, value);
            }
            if (Get(Interface) is { } chosen) keystone.ValidInterfaces = [chosen];
            if (Get(ImageServiceType) is { } serviceType) keystone.ServiceType = serviceType;
            if (Get(ImageEndpointOverride) is { } endpoint) keystone.EndpointOverride = endpoint;
        }
        else if (Get(ImageEndpointOverride) is { } endpoint)
        {
            options.ApiServers = [endpoint]; // glanceclient with --os-image-url and a token: Glance there, no Keystone
        }

        if (settings.TryGetValue(ImageApiVersion, out var version)) options.ApiVersion = ParseApiVersion(version);
        if (settings.TryGetValue(Verify, out var verify)) options.Insecure = !ParseBool(verify, Verify);
        if (settings.TryGetValue(Insecure, out var insecure)) options.Insecure = ParseBool(insecure, Insecure);
        // openstacksdk ignores cacert when verification is off.
        if (Get(CaCert) is { } caCert && !options.Insecure) options.CaFile = caCert;
        if (Get(Cert) is { } cert) options.CertFile = cert;
        if (Get(Key) is { } keyFile) options.KeyFile = keyFile;
    }

    // glanceclient accepts a major version, or major.minor.
    private static ApiVersion ParseApiVersion((string Value, string Source) setting) => setting.Value.Trim() switch
    {
        "2" or ['2', '.', ..] => ApiVersion.V2,
        "1" or ['1', '.', ..] => ApiVersion.V1,
        _ => throw new GlanceConfigurationException($"{setting.Source}: image_api_version '{setting.Value}' is not a Glance API version (2 or 1)."),
    };

    private static bool ParseBool((string Value, string Source) setting, string key) => setting.Value.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw new GlanceConfigurationException($"{setting.Source}: {key} '{setting.Value}' is not true or false."),
    };

    private static void Alias(Dictionary<string, (string Value, string Source)> settings, string legacy, string key)
    {
        if (settings.Remove(legacy, out var value)) settings.TryAdd(key, value);
    }

    // openstacksdk treats '-' and '_' in keys alike (auth-url is auth_url).
    private static string Normalize(string key) => key.Replace('-', '_');

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Variable(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) ? NonEmpty(value) : null;

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables()) result[(string)entry.Key] = entry.Value as string;
        return result;
    }
}
