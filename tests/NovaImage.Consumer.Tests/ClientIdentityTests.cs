using Microsoft.Extensions.DependencyInjection;
using NovaImage.TestSupport;

namespace NovaImage.Consumer.Tests;

/// <summary>Two clients registered in one container are two identities: own options, core and HttpClient each.</summary>
public sealed class ClientIdentityTests
{
    [Fact]
    public async Task Two_registrations_keep_their_own_token_and_the_first_is_the_default_IImageApi()
    {
        // Before the core, both registrations configured the one shared GlanceOptions: Alice's client acted as Bob.
        var services = new ServiceCollection();
        services.AddGlanceImageApi<MyImages>(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
        });
        services.AddGlanceImageApi<ConsumerImageApi>(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectB.Token;
        });
        await using var provider = services.BuildServiceProvider();
        var alice = provider.GetRequiredService<MyImages>();
        var bob = provider.GetRequiredService<ConsumerImageApi>();

        var alices = await alice.CreateImageAsync(new ImageCreate { Name = "alice-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare", Visibility = ImageVisibility.Private });
        var bobs = await bob.CreateImageAsync(new ImageCreate { Name = "bob-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare", Visibility = ImageVisibility.Private });
        try
        {
            Assert.Equal(GlanceIdentity.ProjectA.ProjectId, alices.Owner);
            Assert.Equal(GlanceIdentity.ProjectB.ProjectId, bobs.Owner);
            await Assert.ThrowsAsync<ImageNotFoundException>(() => bob.GetImageAsync(alices.Id));
            await Assert.ThrowsAsync<ImageNotFoundException>(() => alice.GetImageAsync(bobs.Id));
            Assert.Same(alice, provider.GetRequiredService<IImageApi>());
        }
        finally
        {
            await alice.DeleteImageAsync(alices.Id);
            await bob.DeleteImageAsync(bobs.Id);
        }
    }
}
