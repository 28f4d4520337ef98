using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NovaImage.Core;
using NovaImage.Tests.ImageApi;
using NovaImage.TestSupport.Fakes;

namespace NovaImage.Tests.Hostile;

/// <summary>
/// The token goes only to the configured endpoints: redirects are not followed, <c>next</c> links naming another
/// origin are refused, a <c>next</c> link that comes back is not followed forever, and a password in
/// <c>api_servers</c> is refused without being repeated. Fakes (<see cref="FakeGlance"/>) play the hostile Glance and
/// the foreign server, which records whether a token reached it.
/// </summary>
public sealed class TokensStayHomeTests
{
    private const string Token = "project-a:secret-token";
    private const string ImageId = "5b2e6f5a-3c1d-4b7e-9a55-0c1d2e3f4a5b";
    private static readonly string ImageJson =
        $$"""{"id":"{{ImageId}}","name":"abc","status":"active","visibility":"private","size":3,"checksum":"900150983cd24fb0d6963f7d28e17f72","disk_format":"raw","container_format":"bare","self":"/v2/images/{{ImageId}}","file":"/v2/images/{{ImageId}}/file"}""";

    [Fact]
    public async Task A_redirect_to_another_server_is_a_typed_error_and_the_token_never_reaches_that_server()
    {
        await using var foreign = await FakeGlance.AnsweringJsonAsync(ImageJson);
        await using var glance = await FakeGlance.StartAsync((context, _) => Redirect(context, new Uri(foreign.Endpoint, context.Request.Path)));
        using var api = Client(glance.Endpoint);

        var error = await Assert.ThrowsAsync<GlanceServerException>(() => api.GetImageAsync(ImageId));

        Assert.Equal(ImageId, error.ImageId);
        Assert.Equal(glance.Endpoint, error.Server);
        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Contains($"redirected the request to http://127.0.0.1:{foreign.Endpoint.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.Empty(foreign.Requests);
        Assert.Single(glance.Requests); // not retried: a redirect is an answer, not a connection failure
    }

    [Fact]
    public async Task A_redirected_download_writes_nothing_and_sends_nothing_to_the_redirect_target()
    {
        await using var foreign = await FakeGlance.StartAsync((context, _) => context.Response.WriteAsync("abc"));
        await using var glance = await FakeGlance.StartAsync((context, _) => context.Request.Path.Value!.EndsWith("/file", StringComparison.Ordinal)
            ? Redirect(context, new Uri(foreign.Endpoint, context.Request.Path))
            : Json(context, ImageJson));
        using var api = Client(glance.Endpoint);
        var directory = Directory.CreateTempSubdirectory("novaimage-redirect-");
        try
        {
            var destination = Path.Combine(directory.FullName, "image.raw");

            var error = await Assert.ThrowsAsync<GlanceServerException>(() => api.DownloadToFileAsync(ImageId, destination));

            Assert.Equal(HttpStatusCode.Found, error.StatusCode);
            Assert.Equal(ImageId, error.ImageId);
            Assert.Empty(foreign.Requests);
            Assert.Empty(directory.EnumerateFileSystemInfos());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_primary_handler_added_through_the_builder_that_follows_redirects_is_refused_before_anything_is_sent()
    {
        await using var foreign = await FakeGlance.AnsweringJsonAsync(ImageJson);
        await using var glance = await FakeGlance.StartAsync((context, _) => Redirect(context, new Uri(foreign.Endpoint, context.Request.Path)));
        await using var host = ImageApiHost.Build(services => services
            .AddGlanceImageApi(o => { o.ApiServers = [glance.Endpoint.AbsoluteUri]; o.Token = Token; })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler())); // follows redirects by default

        var error = await Assert.ThrowsAsync<GlanceConfigurationException>(() => host.Api.GetImageAsync(ImageId));

        Assert.Contains("follows redirects", error.Message, StringComparison.Ordinal);
        Assert.Empty(glance.Requests);
        Assert.Empty(foreign.Requests);
    }

    [Fact]
    public async Task A_next_link_naming_another_server_is_refused_and_that_server_sees_nothing()
    {
        await using var foreign = await FakeGlance.AnsweringJsonAsync("""{"images":[]}""");
        await using var glance = await FakeGlance.StartAsync((context, _) =>
            Json(context, $$"""{"images":[{{ImageJson}}],"next":"{{new Uri(foreign.Endpoint, "/v2/images?marker=" + ImageId)}}"}"""));
        using var api = Client(glance.Endpoint);
        var seen = new List<Image>();

        var error = await Assert.ThrowsAsync<GlanceServerException>(async () =>
        {
            await foreach (var image in api.ListImagesAsync()) seen.Add(image);
        });

        Assert.Equal(ImageId, Assert.Single(seen).Id);
        Assert.Equal(glance.Endpoint, error.Server);
        Assert.Contains($"list link to http://127.0.0.1:{foreign.Endpoint.Port}", error.Message, StringComparison.Ordinal);
        Assert.Empty(foreign.Requests);
        Assert.Single(glance.Requests);
    }

    [Fact]
    public async Task A_next_link_that_comes_back_stops_the_listing_with_a_typed_error_instead_of_looping()
    {
        // Without the check a client would read this page forever; the fake gives up after 50 requests so that such a
        // client fails this test instead of hanging it.
        await using var glance = await FakeGlance.StartAsync((context, number) => number > 50
            ? Status(context, 500)
            : Json(context, $$"""{"images":[{{ImageJson}}],"next":"/v2/images?marker={{ImageId}}"}"""));
        using var api = Client(glance.Endpoint);

        var error = await Assert.ThrowsAsync<GlanceServerException>(() => api.ListImagesAsync().ToListAsync().AsTask());

        Assert.Contains("already read", error.Message, StringComparison.Ordinal);
        Assert.Equal(glance.Endpoint, error.Server);
        Assert.Equal(2, glance.Requests.Count); // the first page, the link once; its repeat is refused before sending
    }

    [Fact]
    public async Task A_request_for_an_origin_that_is_not_an_endpoint_is_refused_before_anything_is_sent()
    {
        // The last line of defence under every path that builds an address (links and hrefs are checked where read).
        await using var foreign = await FakeGlance.AnsweringJsonAsync("{}");
        using var handler = new AuthTokenHandler(new StaticTokenProvider(Token), new EndpointRotation([new Uri("http://127.0.0.1:9292")], TimeSpan.Zero, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false },
        };
        using var http = new HttpClient(handler);

        var error = await Assert.ThrowsAsync<InvalidImageRequestException>(() => http.GetAsync(new Uri(foreign.Endpoint, "/v2/images")));

        Assert.Contains($"request for http://127.0.0.1:{foreign.Endpoint.Port}, which is not one of this client's Glance endpoints", error.Message, StringComparison.Ordinal);
        Assert.Empty(foreign.Requests);
    }

    [Theory]
    [InlineData("http://nova:s3cr3t@127.0.0.1:9292", "'http://***@127.0.0.1:9292' has a user name or password")]
    [InlineData("nova:s3cr3t@glance.example:9292/v2", "'***@glance.example:9292/v2' has a user name or password")]
    [InlineData("http://nova:s3cr3t@", "'http://***@' is not a URL")]
    public void A_password_in_api_servers_is_refused_at_start_without_being_repeated(string entry, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => GlanceImageApi.Create(new GlanceOptions { ApiServers = [entry], Token = Token }));

        var failure = Assert.Single(error.Failures);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nova:s3cr3t@127.0.0.1")]
    [InlineData("s3cr3t@127.0.0.1")]
    public void A_password_in_the_deprecated_host_is_refused_and_reaches_neither_the_message_nor_the_log(string host)
    {
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
#pragma warning disable CS0618 // the deprecated options are the input under test
        var options = new GlanceOptions { Host = host, Port = 9292, Token = Token };
#pragma warning restore CS0618

        var error = Assert.Throws<OptionsValidationException>(() => GlanceImageApi.Create(options, loggers));

        Assert.StartsWith("[glance] host/port/protocol:", Assert.Single(error.Failures), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains("s3cr3t", StringComparison.Ordinal));
    }

    private static GlanceImageApi Client(Uri server) => GlanceImageApi.Create(new GlanceOptions
    {
        ApiServers = [server.AbsoluteUri],
        ApiVersion = ApiVersion.V2,
        Token = Token,
        NumRetries = 2,
        RetryDelay = TimeSpan.Zero,
    });

    private static Task Redirect(HttpContext context, Uri target)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = target.AbsoluteUri;
        return Task.CompletedTask;
    }

    private static Task Json(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
