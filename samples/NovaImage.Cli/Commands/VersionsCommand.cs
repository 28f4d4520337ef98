using System.CommandLine;
using NovaImage.Cli.Output;
using Spectre.Console;

namespace NovaImage.Cli.Commands;

/// <summary><c>novaimage versions</c>: the server's API versions document.</summary>
internal static class VersionsCommand
{
    public static Command Create()
    {
        var command = new Command("versions", "List the API versions the Glance server offers");
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var versions = await context.Images.GetVersionsAsync(cancellationToken);
            if (context.Console.TryWriteJson(versions.ToList(), CliJsonContext.Default.ListApiVersionInfo)) return;
            var table = new Table().AddColumns("Version", "Status", "Endpoint");
            foreach (var version in versions) table.AddRow(TerminalText.Cell(version.Id), TerminalText.Cell(version.Status), TerminalText.Cell(version.Href));
            context.Console.Write(table);
        });
        return command;
    }
}
