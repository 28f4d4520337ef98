using System.CommandLine;

namespace NovaImage.Cli;

/// <summary>Options every command accepts, and how they combine with environment variables.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string[]> ApiServer = new("--api-server")
    {
        Description = "Glance endpoint, e.g. http://glance.example:9292 (repeat for several; env NOVAIMAGE_API_SERVERS)",
        HelpName = "URL",
        Recursive = true,
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string> ApiVersion = new("--api-version")
    {
        Description = "Glance API version: 2 (default), 1, or auto (env NOVAIMAGE_API_VERSION)",
        Recursive = true,
    };

    public static readonly Option<string> Config = new("--config")
    {
        Description = "nova.conf or appsettings.json to read the Glance settings from (env NOVAIMAGE_CONFIG)",
        HelpName = "FILE",
        Recursive = true,
    };

    public static readonly Option<string> Token = new("--token")
    {
        Description = "Token sent as X-Auth-Token (env OS_AUTH_TOKEN)",
        Recursive = true,
    };

    public static readonly Option<string> StallTimeout = new("--stall-timeout")
    {
        Description = "Give up on a server that sends nothing for this many seconds (env NOVAIMAGE_STALL_TIMEOUT; default: [glance] stall_timeout, else timeout, else 60)",
        HelpName = "SECONDS",
        Recursive = true,
    };

    public static readonly Option<string> TotalTimeout = new("--total-timeout")
    {
        Description = "Give up on a call after this many seconds, retries included (env NOVAIMAGE_TOTAL_TIMEOUT; default: [glance] total_timeout, else none)",
        HelpName = "SECONDS",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write JSON to stdout (for scripts) instead of tables",
        Recursive = true,
    };

    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Show stack traces and HTTP logging on errors",
        Recursive = true,
    };

    /// <summary>
    /// openstackclient's options: each is the variable of its name (<c>--os-auth-url</c> is <c>OS_AUTH_URL</c>) given on
    /// the command line, and both go over the cloud named by <c>--os-cloud</c> / <c>OS_CLOUD</c> in clouds.yaml.
    /// </summary>
    public static IReadOnlyList<Option<string>> OpenStack { get; } =
    [
        OpenStackOption("--os-cloud", "NAME", "Cloud to use from clouds.yaml (./, ~/.config/openstack/, /etc/openstack/; secure.yaml merged over it)"),
        OpenStackOption("--os-auth-url", "URL", "Keystone v3 URL, e.g. https://keystone.example:5000/v3"),
        OpenStackOption("--os-auth-type", "TYPE", "password, v3applicationcredential or token (default: inferred from the credentials)"),
        OpenStackOption("--os-username", "NAME", "User name (with --os-user-domain-name)"),
        OpenStackOption("--os-password", "PASSWORD", "Password (never printed)"),
        OpenStackOption("--os-user-domain-name", "NAME", "Domain of the user, e.g. Default"),
        OpenStackOption("--os-project-name", "NAME", "Project to scope the token to (with --os-project-domain-name)"),
        OpenStackOption("--os-project-id", "ID", "Project to scope the token to, by id"),
        OpenStackOption("--os-project-domain-name", "NAME", "Domain of the project, e.g. Default"),
        OpenStackOption("--os-application-credential-id", "ID", "Application credential id"),
        OpenStackOption("--os-application-credential-secret", "SECRET", "Application credential secret (never printed)"),
        OpenStackOption("--os-token", "TOKEN", "Existing Keystone token (auth type token; never printed)"),
        OpenStackOption("--os-region-name", "REGION", "Catalog region"),
        OpenStackOption("--os-interface", "INTERFACE", "Catalog interface: public, internal or admin (default: internal, then public)"),
        OpenStackOption("--os-cacert", "FILE", "CA bundle to verify Keystone and Glance with"),
        OpenStackOption("--os-image-url", "URL", "Glance endpoint to use instead of the catalog's"),
        OpenStackOption("--os-image-api-version", "VERSION", "Glance API version: 2 or 1"),
    ];

    /// <summary>The options whose values are secrets: never echoed, not even in a usage error.</summary>
    public static IReadOnlyList<Option<string>> Secrets { get; } =
        [Token, .. OpenStack.Where(o => o.Name is "--os-password" or "--os-application-credential-secret" or "--os-token")];

    public static IEnumerable<Option> All => [ApiServer, ApiVersion, Config, Token, StallTimeout, TotalTimeout, .. OpenStack, Json, Debug];

    static GlobalOptions()
    {
        ApiVersion.AcceptOnlyFromAmong("1", "2", "auto");
        OpenStack.Single(o => o.Name == "--os-interface").AcceptOnlyFromAmong("public", "internal", "admin");
    }

    /// <summary>The environment variable an openstackclient option stands for: <c>--os-auth-url</c> is <c>OS_AUTH_URL</c>.</summary>
    public static string VariableOf(Option option) => option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    /// <summary>
    /// <paramref name="message"/> with every secret given in <paramref name="arguments"/> replaced by <c>***</c>: the
    /// value of a secret option (<c>--os-password X</c>, <c>--os-password=X</c>), and the value after a misspelled
    /// option that looks like one (<c>--os-pasword X</c>: a name with pas, secret or token in it), which the parser reports as an unexpected argument.
    /// </summary>
    public static string RedactSecrets(string message, IReadOnlyList<string> arguments)
    {
        static bool LooksSecret(string name) =>
            name.Contains("pas", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || name.Contains("token", StringComparison.OrdinalIgnoreCase);

        var secrets = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith('-')) continue;
            var separator = argument.IndexOfAny(['=', ':']);
            var name = separator < 0 ? argument : argument[..separator];
            if (!Secrets.Any(o => o.Name == name) && (All.Any(o => o.Name == name) || !LooksSecret(name))) continue;
            if (separator >= 0) secrets.Add(argument[(separator + 1)..]);
            else if (i + 1 < arguments.Count) secrets.Add(arguments[i + 1]);
        }
        foreach (var secret in secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        return message;
    }

    private static Option<string> OpenStackOption(string name, string helpName, string description)
    {
        var option = new Option<string>(name) { HelpName = helpName, Recursive = true };
        option.Description = $"{description} (env {VariableOf(option)})";
        return option;
    }

    /// <summary>Command line first, then the environment (the configuration file comes last, in <see cref="GlanceSession"/>).</summary>
    public static CliSettings Resolve(ParseResult parse)
    {
        var servers = parse.GetValue(ApiServer) is { Length: > 0 } fromCommandLine
            ? fromCommandLine
            : (Environment.GetEnvironmentVariable("NOVAIMAGE_API_SERVERS") ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var version = parse.GetValue(ApiVersion) ?? NonEmpty(Environment.GetEnvironmentVariable("NOVAIMAGE_API_VERSION"));
        if (version is not null && version is not ("1" or "2" or "auto"))
            throw new UsageException($"NOVAIMAGE_API_VERSION must be 1, 2 or auto, not '{version}'");

        return new CliSettings(
            ApiServers: servers,
            ApiVersion: version,
            ConfigFile: parse.GetValue(Config) ?? NonEmpty(Environment.GetEnvironmentVariable("NOVAIMAGE_CONFIG")),
            Token: parse.GetValue(Token) ?? NonEmpty(Environment.GetEnvironmentVariable("OS_AUTH_TOKEN")),
            StallTimeout: Seconds(parse, StallTimeout, "NOVAIMAGE_STALL_TIMEOUT"),
            TotalTimeout: Seconds(parse, TotalTimeout, "NOVAIMAGE_TOTAL_TIMEOUT"),
            OpenStackEnvironment: OpenStackEnvironment(parse),
            Json: parse.GetValue(Json),
            Debug: parse.GetValue(Debug));
    }

    // The process environment with each --os-* option given on the command line in place of its OS_* variable:
    // the library reads both (and clouds.yaml under them) in one pass, the command line winning as in openstackclient.
    private static Dictionary<string, string?> OpenStackEnvironment(ParseResult parse)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = entry.Value as string;
        foreach (var option in OpenStack)
        {
            if (parse.GetValue(option) is { } value) environment[VariableOf(option)] = value;
        }
        return environment;
    }

    // A positive number of seconds from the option, else the environment variable; anything else is a usage error.
    private static TimeSpan? Seconds(ParseResult parse, Option<string> option, string variable)
    {
        var (text, source) = parse.GetValue(option) is { } given ? (given, option.Name) : (NonEmpty(Environment.GetEnvironmentVariable(variable)), variable);
        if (text is null) return null;
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"{source} must be a positive number of seconds, not '{text}'");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
