using System.CommandLine;
using System.Text;
using NovaImage.ConfigFiles;
using NovaImage.Destinations;
using NovaImage.Cli.Hosting;
using NovaImage.Cli.Output;

namespace NovaImage.Cli.Commands;

/// <summary>
/// <c>novaimage config check|migrate FILE</c>: Nova's deprecated Glance options in nova.conf or appsettings.json,
/// found by <see cref="ConfigScanner"/> and rewritten by <see cref="ConfigMigration"/> (shared source: the same code the
/// analyzer and its code fix run).
/// </summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var config = new Command("config", "Check or migrate a nova.conf / appsettings.json");
        config.Subcommands.Add(Check());
        config.Subcommands.Add(Migrate());
        return config;
    }

    private static Command Check()
    {
        var file = new Argument<FileInfo>("file") { Description = "nova.conf (*.conf, *.ini) or appsettings.json" };
        var command = new Command("check", "Report deprecated Glance options (exit code 7 when there are any)") { file };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var (path, kind, text) = await ReadAsync(context.Get(file), cancellationToken);
            var findings = ConfigScanner.Find(text, kind);
            var migrated = ConfigMigration.Migrate(text, kind);
            var output = new ConfigCheckOutput(path, kind == ConfigFileKind.NovaConf ? "nova.conf" : "appsettings.json",
                findings.Select(f => new ConfigFindingOutput(Severity(f.Issue), f.Option, f.Key, f.Value, f.StartLine + 1, f.StartColumn + 1, Message(f, kind))).ToList(),
                MigrationAvailable: migrated != text);
            if (!context.Console.TryWriteJson(output, CliJsonContext.Default.ConfigCheckOutput))
            {
                foreach (var finding in output.Findings)
                    context.Console.Line($"{path}:{finding.Line}:{finding.Column}: {finding.Severity}: {finding.Message}");
                var problems = output.Findings.Count(f => f.Severity == "warning");
                context.Console.Line(problems == 0
                    ? $"{path}: no deprecated Glance options"
                    : $"{path}: {problems} deprecated Glance option(s)" + (output.MigrationAvailable ? $"; 'novaimage config migrate {path}' rewrites them" : ""));
            }
            return output.Findings.Any(f => f.Severity == "warning") ? ExitCodes.DeprecatedConfiguration : ExitCodes.Success;
        });
        return command;
    }

    private static Command Migrate()
    {
        var file = new Argument<FileInfo>("file") { Description = "nova.conf (*.conf, *.ini) or appsettings.json" };
        var inPlace = new Option<bool>("--in-place") { Description = "Rewrite FILE (atomically) instead of writing the result to stdout" };
        var command = new Command("migrate", "Rewrite deprecated host/port/protocol to api_servers (comments and layout kept)") { file, inPlace };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var (path, kind, text) = await ReadAsync(context.Get(file), cancellationToken);
            var migrated = ConfigMigration.Migrate(text, kind);
            var deprecated = ConfigScanner.Find(text, kind).Where(f => f.Issue == ConfigIssue.DeprecatedOption).ToList();
            if (migrated == text && deprecated.Count > 0)
                throw new UsageException($"{path}: cannot migrate: [glance] has {string.Join("/", deprecated.Select(f => f.Option))} but no host, and Nova's default host (this compute node's IP) cannot be written as api_servers; add api_servers by hand");

            if (!context.Get(inPlace))
            {
                Console.Out.Write(migrated);
                return;
            }
            if (migrated == text)
            {
                context.Console.Status($"{path}: nothing to migrate");
                return;
            }
            await WriteAtomicallyAsync(path, migrated, cancellationToken);
            context.Console.Status($"{path}: rewrote {string.Join("/", deprecated.Select(f => f.Option))} to api_servers");
        });
        return command;
    }

    private static async Task<(string Path, ConfigFileKind Kind, string Text)> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists) throw new UsageException($"{file.FullName} does not exist");
        var kind = ConfigurationFile.KindOf(file.FullName);
        return (file.FullName, kind, await File.ReadAllTextAsync(file.FullName, cancellationToken));
    }

    /// <summary>
    /// By the rules downloads follow (<see cref="DestinationFile"/>): a temporary file beside the file (or the symlink's
    /// target) with its owner, group and mode, flushed to disk and renamed over it; readers see the old or the new
    /// file, never half.
    /// </summary>
    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var destination = DestinationFile.Open(path, new GlanceErrorContext());
        await using (destination)
        {
            await destination.Stream.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), cancellationToken);
            destination.Commit();
        }
    }

    private static string Severity(ConfigIssue issue) => issue == ConfigIssue.DirectUrlScheme ? "info" : "warning";

    private static string Message(ConfigFinding finding, ConfigFileKind kind) => finding.Issue switch
    {
        ConfigIssue.DeprecatedOption =>
            $"[glance] {finding.Option} is deprecated: list full endpoints in {(kind == ConfigFileKind.NovaConf ? "api_servers" : "ApiServers")} instead",
        ConfigIssue.V1ApiVersion =>
            $"{finding.Key} = {finding.Value} selects Glance API v1, removed from Glance in Rocky: use v2 (the default)",
        _ => $"direct downloads are allowed for '{finding.Value}' URLs: the client needs a [DirectStore(\"{finding.Value}\")] adapter for them",
    };
}
