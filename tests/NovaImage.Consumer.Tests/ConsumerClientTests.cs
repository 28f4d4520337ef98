using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NovaImage.TestSupport;

namespace NovaImage.Consumer.Tests;

/// <summary>The consumer's generated client, registered with DI and used against the real Glance.</summary>
public sealed class ConsumerClientTests
{
    private static ServiceProvider Services(Action<GlanceOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddGlanceImageApi<MyImages>(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_generated_client_registers_this_projects_adapter()
    {
        Assert.True(MyImages.DirectStoreAdapters.TryGetValue("file", out var factory));
        Assert.IsType<CountingFileAdapter>(factory());
    }

    [Fact]
    public async Task The_consumers_client_is_the_registered_IImageApi_and_calls_the_real_Glance()
    {
        await using var services = Services();
        var api = services.GetRequiredService<IImageApi>();
        var data = RandomNumberGenerator.GetBytes(40_000);

        Assert.IsType<MyImages>(api);
        Assert.Same(api, services.GetRequiredService<MyImages>());
        Assert.Equal(ApiVersion.V2, await api.GetApiVersionAsync());
        var image = await api.CreateImageAsync(new ImageCreate { Name = "consumer-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            await api.UploadAsync(image.Id, new MemoryStream(data));
            using var copy = new MemoryStream();
            await api.DownloadAsync(image.Id, copy);
            var listed = await api.ListImagesAsync(new ImageQuery { Ids = [image.Id] }).ToListAsync();

            Assert.Equal(data, copy.ToArray());
            Assert.Equal(ImageStatus.Active, Assert.Single(listed).Status);
        }
        finally
        {
            await api.DeleteImageAsync(image.Id);
        }
        await Assert.ThrowsAsync<ImageNotFoundException>(() => api.GetImageAsync(image.Id));
    }

    [Fact]
    public async Task A_direct_store_download_goes_through_this_projects_adapter()
    {
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(GlanceServer.StateDir, "etc", "fs1-metadata.json")));
        var storeId = metadata.RootElement.GetProperty("id").GetString()!;
        var storeDir = metadata.RootElement.GetProperty("mountpoint").GetString()!;
        await using var services = Services(o =>
        {
            o.AllowedDirectUrlSchemes = ["file"];
            o.Filesystems = [new ImageFileSystem { Name = "fs1", Id = storeId, Mountpoint = storeDir }];
        });
        var api = services.GetRequiredService<IImageApi>();
        var data = RandomNumberGenerator.GetBytes(64_000);
        var image = await api.CreateImageAsync(new ImageCreate { Name = "consumer-direct-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        var target = Path.Combine(Path.GetTempPath(), $"novaimage-consumer-{Guid.NewGuid():N}.img");
        try
        {
            await api.UploadAsync(image.Id, new MemoryStream(data));
            var before = CountingFileAdapter.Opened;

            var result = await api.DownloadToFileAsync(image.Id, target);

            Assert.Equal(DownloadPath.DirectStore, result.Path);
            Assert.Equal(before + 1, CountingFileAdapter.Opened);
            Assert.Equal(data, await File.ReadAllBytesAsync(target));
        }
        finally
        {
            File.Delete(target);
            await api.DeleteImageAsync(image.Id);
        }
    }
}
