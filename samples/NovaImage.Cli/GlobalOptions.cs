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

    public static IEnumerable<Option> All => [ApiServer, ApiVersion, Config, Token, Json, Debug];

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
            Json: parse.GetValue(Json),
            Debug: parse.GetValue(Debug));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
