using System.CommandLine;
using NovaImage.Cli.Output;
using System.Text.Json.Nodes;

namespace NovaImage.Cli.Commands;

/// <summary>
/// <c>novaimage stores</c>: Glance's stores (<c>GET /v2/info/stores</c>, multi-store deployments), through
/// <see cref="IImageApi.ListStoresAsync"/>.
/// </summary>
internal static class StoresCommand
{
    public static Command Create()
    {
        var command = new Command("stores", "List the image stores (multi-store Glance, v2.8+)").WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var stores = (await context.Glance.Images.ListStoresAsync(cancellationToken))
                .Select(s => new StoreOutput(s.Id, s.Description, s.IsDefault, s.IsReadOnly)).ToList();
            if (context.Console.TryWriteJson(stores, CliJsonContext.Default.ListStoreOutput)) return;
            context.Console.Write(new OutputRows(["ID", "Description", "Default", "Read-only"],
                stores.Select(s => (IReadOnlyList<JsonNode?>)[s.Id, s.Description, s.Default, s.ReadOnly]).ToList()));
        });
        return command;
    }
}
