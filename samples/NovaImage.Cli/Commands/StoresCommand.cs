using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NovaImage.Cli.Output;
using NovaImage.Core;
using NovaImage.V2;
using Refit;
using Spectre.Console;

namespace NovaImage.Cli.Commands;

/// <summary>
/// <c>novaimage stores</c>: Glance's stores (<c>GET /v2/info/stores</c>, multi-store deployments), through the
/// library's v2 Refit interface and the configured Glance HTTP client (TLS settings and token included).
/// </summary>
internal static class StoresCommand
{
    public static Command Create()
    {
        var command = new Command("stores", "List the image stores (multi-store Glance, v2.8+)");
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var stores = (await GetStoresAsync(context, cancellationToken))
                .Select(s => new StoreOutput(s.Id, s.Description, s.Default, s.ReadOnly)).ToList();
            if (context.Console.TryWriteJson(stores, CliJsonContext.Default.ListStoreOutput)) return;
            var table = new Table().AddColumns("ID", "Description", "Default", "Read-only");
            foreach (var store in stores)
                table.AddRow(Markup.Escape(store.Id), Markup.Escape(store.Description ?? ""), store.Default ? "yes" : "", store.ReadOnly ? "yes" : "");
            context.Console.Write(table);
        });
        return command;
    }

    private static async Task<IReadOnlyList<GlanceStore>> GetStoresAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var services = context.Glance.Services;
        var server = services.GetRequiredService<GlanceTransport>().Servers[0];
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(GlanceTransport.HttpClientName);
        http.BaseAddress = server;
        try
        {
            return (await GlanceV2Client.Create(http).GetStoresAsync(cancellationToken)).Stores;
        }
        catch (ApiException exception)
        {
            var error = new GlanceErrorContext(Server: server, StatusCode: exception.StatusCode, GlanceMessage: exception.Content);
            throw exception.StatusCode switch
            {
                HttpStatusCode.NotFound => new FeatureNotSupportedException("this Glance lists no stores (it is not configured with multiple stores)", error with { GlanceMessage = null }),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ImageNotAuthorizedException("listing stores is not allowed", error),
                _ => new GlanceServerException("listing stores failed", error),
            };
        }
        catch (HttpRequestException exception)
        {
            throw new GlanceConnectionFailedException($"cannot reach Glance: {exception.Message}", new GlanceErrorContext(Server: server), exception);
        }
    }
}
