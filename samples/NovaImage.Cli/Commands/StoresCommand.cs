using System.CommandLine;
using NovaImage.Cli.Output;
using Spectre.Console;

namespace NovaImage.Cli.Commands;

/// <summary>
/// <c>novaimage stores</c>: Glance's stores (<c>GET /v2/info/stores</c>, multi-store deployments), through
/// <see cref="IImageApi.ListStoresAsync"/>.
/// </summary>
internal static class StoresCommand
{
    public static Command Create()
    {
        var command = new Command("stores", "List the image stores (multi-store Glance, v2.8+)");
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var stores = (await context.Glance.Images.ListStoresAsync(cancellationToken))
                .Select(s => new StoreOutput(s.Id, s.Description, s.IsDefault, s.IsReadOnly)).ToList();
            if (context.Console.TryWriteJson(stores, CliJsonContext.Default.ListStoreOutput)) return;
            var table = new Table().AddColumns("ID", "Description", "Default", "Read-only");
            foreach (var store in stores)
                table.AddRow(TerminalText.Cell(store.Id), TerminalText.Cell(store.Description), TerminalText.Cell(store.Default ? "yes" : ""), TerminalText.Cell(store.ReadOnly ? "yes" : ""));
            context.Console.Write(table);
        });
        return command;
    }
}
