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

    public static IEnumerable<Option> All => [ApiServer, ApiVersion, Config, Token, StallTimeout, TotalTimeout, Json, Debug];

    static GlobalOptions()
    {
        ApiVersion.AcceptOnlyFromAmong("1", "2", "auto");
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
            Json: parse.GetValue(Json),
            Debug: parse.GetValue(Debug));
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
