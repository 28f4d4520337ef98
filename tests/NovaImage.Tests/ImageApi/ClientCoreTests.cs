using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// The one core per client: data streams fail over like every other call, a dead server is passed over for a while,
/// clients can be built without dependency injection, tokens are checked before they travel, and Auto finds a
/// v1-only Glance that advertises v1 as DEPRECATED.
/// </summary>
public sealed class ClientCoreTests
{
    private const int DataSize = 300_000;

    [Fact]
    public async Task V1_downloads_fail_over_from_a_dead_server_like_every_other_call()
    {
        // Before the core, the v1 data GET went to the dead server once per download and surfaced Refit's raw
        // ApiRequestException. With the cooldown off, rotation strictly alternates, so each data GET meets the dead server.
        await using var server = await V1Server.StartAsync();
        var data = RandomNumberGenerator.GetBytes(DataSize);
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [ImageApiHost.ClosedPort().AbsoluteUri, server.Endpoint.AbsoluteUri];
            o.ApiVersion = ApiVersion.V1;
            o.Token = GlanceIdentity.ProjectA.Token;
            o.RetryDelay = TimeSpan.Zero;
            o.FailedServerCooldown = TimeSpan.Zero;
        });
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "v1-failover", DiskFormat = "raw", ContainerFormat = "bare" });
        await host.Api.UploadAsync(image.Id, new MemoryStream(data));
        var scratch = Directory.CreateTempSubdirectory("novaimage-core-");
        try
        {
            using var stream = new MemoryStream();
            var streamed = await host.Api.DownloadAsync(image.Id, stream);
            var file = Path.Combine(scratch.FullName, "image.raw");
            var filed = await host.Api.DownloadToFileAsync(image.Id, file);

            Assert.Equal(data, stream.ToArray());
            Assert.Equal(data, await File.ReadAllBytesAsync(file));
            Assert.Equal(server.Endpoint, streamed.Server);
            Assert.Equal(server.Endpoint, filed.Server);
            Assert.Equal("md5", filed.VerifiedAlgorithm);
            Assert.Equal(2, server.Requests.Count(r => r.StartsWith($"GET /v1/images/{image.Id}", StringComparison.Ordinal)));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_just_failed_is_passed_over_until_its_cooldown_ends()
    {
        var time = new FakeTimeProvider();
        var dead = ImageApiHost.ClosedPort();
        await using var host = ImageApiHost.Build(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            return services.AddGlanceImageApi(o =>
            {
                o.ApiServers = [dead.AbsoluteUri, GlanceServer.Endpoint.AbsoluteUri];
                o.Token = GlanceIdentity.ProjectA.Token;
                o.RetryDelay = TimeSpan.FromHours(1); // paid only when no healthy server is left: never here
                o.FailedServerCooldown = TimeSpan.FromSeconds(30);
            });
        });

        for (var i = 0; i < 6; i++) await host.Api.GetVersionsAsync();
        for (var i = 0; i < 6; i++) await host.Api.ListImagesAsync(new ImageQuery { PageSize = 1 }).Take(1).ToListAsync();
        var triedDead = host.Requests.All.Count(r => r.Uri.Authority == dead.Authority);

        // Round-robin reaches the dead server by the second call; after that one failed attempt (retried at once on
        // the healthy server, no delay), it is passed over.
        Assert.Equal(1, triedDead);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 6 && r.Message.Contains(dead.Authority, StringComparison.Ordinal));

        time.Advance(TimeSpan.FromSeconds(31));
        for (var i = 0; i < 2; i++) await host.Api.ListImagesAsync(new ImageQuery { PageSize = 1 }).Take(1).ToListAsync();
        Assert.Equal(2, host.Requests.All.Count(r => r.Uri.Authority == dead.Authority));
    }

    [Fact]
    public async Task A_client_built_without_dependency_injection_works_against_the_real_Glance_and_is_disposable()
    {
        var counter = new RequestCounter(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var api = GlanceImageApi.Create(new GlanceOptions
        {
            ApiServers = [GlanceServer.Endpoint.AbsoluteUri],
            Token = GlanceIdentity.ProjectB.Token,
        }, primaryHandler: counter);

        var image = await api.CreateImageAsync(new ImageCreate { Name = "no-di-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            Assert.Equal(GlanceIdentity.ProjectB.ProjectId, image.Owner);
            Assert.Equal(image.Id, (await api.GetImageAsync(image.Id)).Id);
            Assert.Equal(2, counter.Log.All.Count);
        }
        finally
        {
            await api.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public void A_client_built_without_dependency_injection_validates_its_options_like_a_registered_one()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GlanceImageApi.Create(new GlanceOptions { ApiServers = ["ftp://glance"] }));

        Assert.Contains(error.Failures, f => f.StartsWith("[glance] api_servers:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc\r\nX-Evil: 1", "a line break")]
    [InlineData("tökén", "a non-ASCII character")]
    [InlineData("two words", "a space or control character")]
    public void A_token_that_cannot_travel_as_a_header_is_a_configuration_error_at_start(string token, string cause)
    {
        var error = Assert.Throws<OptionsValidationException>(() => GlanceImageApi.Create(new GlanceOptions
        {
            ApiServers = [GlanceServer.Endpoint.AbsoluteUri],
            Token = token,
        }));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("[glance] token:", failure, StringComparison.Ordinal);
        Assert.Contains(cause, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_provider_supplies_each_request_and_a_bad_token_is_refused_before_anything_is_sent()
    {
        var provider = new SwitchableTokens { Token = GlanceIdentity.ProjectC.Token };
        var counter = new RequestCounter(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var api = GlanceImageApi.Create(new GlanceOptions { ApiServers = [GlanceServer.Endpoint.AbsoluteUri], TokenProvider = provider }, primaryHandler: counter);

        var image = await api.CreateImageAsync(new ImageCreate { Name = "provider-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            Assert.Equal(GlanceIdentity.ProjectC.ProjectId, image.Owner);
            provider.Token = "abc\r\nX-Evil: 1";
            var sent = counter.Log.All.Count;

            var error = await Assert.ThrowsAsync<GlanceConfigurationException>(() => api.GetImageAsync(image.Id));

            Assert.Contains("line break", error.Message, StringComparison.Ordinal);
            Assert.Equal(sent, counter.Log.All.Count);
        }
        finally
        {
            provider.Token = GlanceIdentity.ProjectC.Token;
            await api.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public async Task Auto_uses_a_deprecated_v1_when_nothing_is_current_or_supported_and_says_so()
    {
        // Newton to Queens: a Glance with only the v1 API enabled still advertised it as DEPRECATED.
        await using var server = await V1Server.StartAsync(new V1ServerOptions
        {
            Versions = [new("v1.1", "DEPRECATED", null), new("v1.0", "DEPRECATED", null)],
        });
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.Auto, server.Endpoint);

        Assert.Equal(ApiVersion.V1, await host.Api.GetApiVersionAsync());
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "deprecated-v1", DiskFormat = "raw", ContainerFormat = "bare" });
        Assert.Equal(image.Id, (await host.Api.GetImageAsync(image.Id)).Id);
        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 9);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("DEPRECATED API V1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_still_refuses_a_server_that_advertises_only_versions_it_does_not_speak()
    {
        await using var server = await V1Server.StartAsync(new V1ServerOptions { Versions = [new("v3.0", "CURRENT", null)] });
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.Auto, server.Endpoint);

        var error = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => host.Api.GetApiVersionAsync().AsTask());

        Assert.Contains("v3.0 CURRENT", error.Message, StringComparison.Ordinal);
    }

    private sealed class SwitchableTokens : IGlanceTokenProvider
    {
        public string? Token { get; set; }

        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => new(Token);
    }
}
