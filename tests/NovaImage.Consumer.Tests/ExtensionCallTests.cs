using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using NovaImage.TestSupport;

namespace NovaImage.Consumer.Tests;

/// <summary>
/// The extension point: this project's own <c>[GlanceApiVersion]</c> interfaces (<see cref="IGlanceUsageApi"/>,
/// <see cref="IImageTasksApi"/>) called through its generated client against the real Glance, with the client's
/// endpoints, failover, token and typed errors.
/// </summary>
public sealed class ExtensionCallTests
{
    private static ServiceProvider Services(RequestLog requests, Action<GlanceOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddGlanceImageApi<MyImages>(o =>
            {
                o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
                o.Token = GlanceIdentity.ProjectA.Token;
                configure?.Invoke(o);
            })
            .AddHttpMessageHandler(() => new RequestCounter(requests));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_usage_route_is_sent_through_the_consumers_client_with_its_token_and_read_with_NovaImages_model()
    {
        var requests = new RequestLog();
        await using var services = Services(requests);
        var images = services.GetRequiredService<MyImages>();

        var usage = await images.GetUsageAsync();

        var request = Assert.Single(requests.All);
        Assert.Equal(("GET", "/v2/info/usage"), (request.Method, request.Uri.AbsolutePath));
        Assert.Equal(GlanceServer.Endpoint.Authority, request.Uri.Authority);
        // The dev Glance runs without Keystone, so unified limits are off and it reports no quota ({"usage": {}}):
        // the call went through and the answer was read, but there are no numbers to compare.
        Assert.Empty(usage.Usage);
    }

    [Fact]
    public async Task A_route_with_the_consumers_own_models_shows_the_import_task_Glance_ran_for_an_upload()
    {
        var requests = new RequestLog();
        await using var services = Services(requests);
        var images = services.GetRequiredService<MyImages>();
        var image = await images.CreateImageAsync(new ImageCreate { Name = "consumer-tasks-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            var before = await images.GetImageTasksAsync(image.Id);
            await images.StageAsync(image.Id, new MemoryStream(RandomNumberGenerator.GetBytes(30_000)));
            await images.ImportAsync(image.Id, ImageImport.GlanceDirect());

            var after = await images.GetImageTasksAsync(image.Id);

            Assert.Empty(before.Tasks);
            var task = Assert.Single(after.Tasks);
            Assert.Equal("api_image_import", task.Type);
            Assert.NotEmpty(task.Id);
            Assert.Contains(task.Status, new[] { "pending", "processing", "success" });
            Assert.Equal(2, requests.PathsEndingWith($"/v2/images/{image.Id}/tasks"));
        }
        finally
        {
            await images.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public async Task A_dead_first_api_server_is_failed_over_for_extension_calls()
    {
        var closed = ClosedPort.Create();
        var requests = new RequestLog();
        await using var services = Services(requests, o =>
        {
            o.ApiServers = [closed.AbsoluteUri, GlanceServer.Endpoint.AbsoluteUri];
            o.NumRetries = 1;
            o.RetryDelay = TimeSpan.Zero;
            o.FailedServerCooldown = TimeSpan.Zero; // keep the dead server in the rotation, so some call starts on it
        });
        var images = services.GetRequiredService<MyImages>();

        // The client shuffles its servers once, then goes round-robin per attempt: whichever order the shuffle gave,
        // at least one of two calls starts on the dead server, and each call ends with one answer from the real one.
        for (var i = 0; i < 2; i++) await images.GetUsageAsync();

        Assert.InRange(requests.To(closed), 1, 2);
        Assert.Equal(2, requests.To(GlanceServer.Endpoint));
    }

    [Fact]
    public async Task A_request_Glance_refuses_surfaces_as_the_typed_error_naming_the_server_and_status()
    {
        var requests = new RequestLog();
        await using var services = Services(requests, o => o.Token = "not-a-project-and-user"); // the dev Glance answers 401
        var images = services.GetRequiredService<MyImages>();

        var error = await Assert.ThrowsAsync<ImageNotAuthorizedException>(() => images.GetUsageAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(GlanceServer.Endpoint.Authority, error.Server?.Authority);
        Assert.Contains("GetUsageAsync", error.Message, StringComparison.Ordinal);
        Assert.Single(requests.All); // a refusal is not transient: no retry
    }

    [Fact]
    public async Task A_v2_route_on_a_client_configured_for_v1_is_refused_before_anything_is_sent()
    {
        var requests = new RequestLog();
        await using var services = Services(requests, o => o.ApiVersion = ApiVersion.V1);
        var images = services.GetRequiredService<MyImages>();

        var error = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => images.GetUsageAsync());

        Assert.Contains("API v2", error.Message, StringComparison.Ordinal);
        Assert.Empty(requests.All);
    }
}
