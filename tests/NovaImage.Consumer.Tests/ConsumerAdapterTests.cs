using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NovaImage.DirectStore;
using NovaImage.TestSupport;

namespace NovaImage.Consumer.Tests;

/// <summary>A consumer project's <c>[DirectStore]</c> adapter, registered at compile time into its generated client.</summary>
public sealed class ConsumerAdapterTests
{
    [Fact]
    public void TheGeneratedClientRegistersTheProjectsAdapterWithoutScanning()
    {
        Assert.IsType<AuditedFileStoreAdapter>(ConsumerImageApi.DirectStoreAdapters["file"]());
        // The runtime's own client was compiled without this project: it keeps the built-in adapter.
        Assert.IsType<FileDirectStoreAdapter>(GlanceImageApi.DirectStoreAdapters["file"]());
    }

    [Fact]
    public async Task TheConsumersAdapterServesADirectDownloadFromTheRealGlance()
    {
        var requests = new RequestLog();
        var services = new ServiceCollection();
        services.AddGlanceImageApi<ConsumerImageApi>(o =>
            {
                o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
                o.Token = GlanceIdentity.ProjectA.Token;
                o.AllowedDirectUrlSchemes = ["file"];
                o.Filesystems = [new ImageFileSystem { Name = "store", Id = StoreId(), Mountpoint = Path.Combine(GlanceServer.StateDir, "images", "fs1") }];
            })
            .AddHttpMessageHandler(() => new RequestCounter(requests));
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<IImageApi>();
        Assert.IsType<ConsumerImageApi>(api);

        var data = RandomNumberGenerator.GetBytes(700 * 1024);
        var image = await api.CreateImageAsync(new ImageCreate { Name = "consumer-adapter", DiskFormat = "raw", ContainerFormat = "bare" });
        var destination = Path.Combine(Directory.CreateTempSubdirectory("novaimage-consumer-").FullName, "image.raw");
        try
        {
            await api.UploadAsync(image.Id, new MemoryStream(data));

            var result = await api.DownloadToFileAsync(image.Id, destination);

            Assert.Equal(DownloadPath.DirectStore, result.Path);
            Assert.Contains("copied by AuditedFileStoreAdapter from audited ", result.Reason, StringComparison.Ordinal);
            Assert.Equal(result.SourceLocation, AuditedFileStoreAdapter.Opened[image.Id]);
            Assert.Equal(0, requests.All.Count(r => r.Method == "GET" && r.Uri.AbsolutePath.EndsWith("/file", StringComparison.Ordinal)));
            Assert.Equal(1, requests.All.Count(r => r.Method == "PUT" && r.Uri.AbsolutePath.EndsWith("/file", StringComparison.Ordinal)));
            Assert.Equal(data, await File.ReadAllBytesAsync(destination));
            Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), result.VerifiedHash);
        }
        finally
        {
            await api.DeleteImageAsync(image.Id);
            Directory.Delete(Path.GetDirectoryName(destination)!, recursive: true);
        }
    }

    private static string StoreId()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(GlanceServer.StateDir, "etc", "fs1-metadata.json")));
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
