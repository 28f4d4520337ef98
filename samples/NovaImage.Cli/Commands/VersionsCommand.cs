using System.CommandLine;
using NovaImage.Cli.Output;
using System.Text.Json.Nodes;

namespace NovaImage.Cli.Commands;

/// <summary><c>novaimage versions</c>: the server's API versions document.</summary>
internal static class VersionsCommand
{
    public static Command Create()
    {
        var command = new Command("versions", "List the API versions the Glance server offers").WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var versions = await context.Images.GetVersionsAsync(cancellationToken);
            if (context.Console.TryWriteJson(versions.ToList(), CliJsonContext.Default.ListApiVersionInfo)) return;
            context.Console.Write(new OutputRows(["Version", "Status", "Endpoint"],
                versions.Select(v => (IReadOnlyList<JsonNode?>)[v.Id, v.Status, v.Href]).ToList()));
        });
        return command;
    }
}
