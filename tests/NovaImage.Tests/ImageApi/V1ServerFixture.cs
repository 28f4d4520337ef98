using NovaImage.TestSupport.V1Server;

namespace NovaImage.Tests.ImageApi;

/// <summary>One in-process v1 server (a v1-only deployment) shared by a test class.</summary>
public sealed class V1ServerFixture : IAsyncLifetime
{
    /// <summary>The server.</summary>
    public V1Server Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await V1Server.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await Server.DisposeAsync();
}
