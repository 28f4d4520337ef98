using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using NovaImage.TestSupport;

namespace NovaImage.Consumer.Tests;

/// <summary>The consumer's generated client, registered with DI and used against the real Glance (its adapter: <c>ConsumerAdapterTests</c>).</summary>
public sealed class ConsumerClientTests
{
    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddGlanceImageApi<MyImages>(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
        });
        return services.BuildServiceProvider();
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
}
