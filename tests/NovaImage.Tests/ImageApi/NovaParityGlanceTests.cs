using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NovaImage.TestSupport;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// Nova Newton behaviours (<c>nova/image/glance.py</c>, <c>nova/tests/unit/image/test_glance.py</c>) checked end to
/// end, against the real Glance where it can show them. Each test names the Nova code or test it mirrors.
/// </summary>
public sealed class NovaParityGlanceTests
{
    /// <summary>
    /// Nova's <c>_add_location</c> / glanceclient's <c>delete_locations</c>: a location is removed by its URL. The
    /// dev Glance has two file stores; a copy-image import gives an image a location in each, and one is removed.
    /// Glance refuses <c>file://</c> URLs for added locations (<c>validate_external_location</c>), so adding one
    /// back is the typed refusal; the request shape is checked in <see cref="An_added_location_is_one_json_patch_add_of_url_and_metadata"/>.
    /// </summary>
    [Fact]
    public async Task A_location_is_removed_by_url_and_Glance_refusing_a_file_location_is_a_typed_error()
    {
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);
        await using var admin = ImageApiHost.Create(GlanceIdentity.Admin, ApiVersion.V2, GlanceServer.Endpoint);
        var api = host.Api;
        var image = await api.CreateImageAsync(new ImageCreate { Name = "parity-locations", DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            await api.UploadAsync(image.Id, new MemoryStream(Encoding.ASCII.GetBytes("two stores")));
            await admin.Api.ImportAsync(image.Id, ImageImport.CopyImage("fs2"));
            var copied = await WaitForLocationsAsync(api, image.Id, 2);
            var fs2 = copied.Locations.Single(l => l.Metadata.GetValueOrDefault("store") == "fs2");

            var after = await api.RemoveLocationAsync(image.Id, fs2.Url);

            Assert.Equal(["fs1"], after.Locations.Select(l => l.Metadata["store"]));
            Assert.Equal(["fs1"], (await api.GetImageAsync(image.Id)).Locations.Select(l => l.Metadata["store"]));
            var refused = await Assert.ThrowsAsync<InvalidImageRequestException>(() => api.AddLocationAsync(image.Id, fs2));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            await Assert.ThrowsAsync<InvalidImageRequestException>(() => api.RemoveLocationAsync(image.Id, fs2.Url));
        }
        finally
        {
            await api.DeleteImageAsync(image.Id);
        }
    }

    /// <summary>
    /// Nova's <c>_add_location</c> (<c>add_location(image_id, url, metadata)</c>, glanceclient's
    /// <c>add /locations/-</c>), as the recorded request: one PATCH with the v2.1 JSON Patch media type. Through v1
    /// there is no such call: the typed refusal, before anything is sent.
    /// </summary>
    [Fact]
    public async Task An_added_location_is_one_json_patch_add_of_url_and_metadata()
    {
        var recorder = new Recorder();
        using var v2 = GlanceImageApi.Create(new GlanceOptions { ApiServers = ["http://glance.test:9292"], ApiVersion = ApiVersion.V2, Token = "t" }, primaryHandler: recorder);
        using var v1 = GlanceImageApi.Create(new GlanceOptions { ApiServers = ["http://glance.test:9292"], ApiVersion = ApiVersion.V1, Token = "t" }, primaryHandler: recorder);
        var location = new ImageLocation("rbd://fsid/images/885d1cb0/snap", new Dictionary<string, string> { ["store"] = "ceph" });

        var image = await v2.AddLocationAsync("885d1cb0", location);
        await Assert.ThrowsAsync<FeatureNotSupportedException>(() => v1.AddLocationAsync("885d1cb0", location));

        var request = Assert.Single(recorder.Requests);
        Assert.Equal(("PATCH", "/v2/images/885d1cb0"), (request.Method, request.Path));
        Assert.Equal("application/openstack-images-v2.1-json-patch", request.ContentType);
        Assert.Equal("""[{"op":"add","path":"/locations/-","value":{"url":"rbd://fsid/images/885d1cb0/snap","metadata":{"store":"ceph"}}}]""", request.Body);
        Assert.Equal("885d1cb0", image.Id);
    }

    /// <summary>
    /// Nova's <c>create</c> with <c>size = 0</c> and no data (<c>force_activate</c> in <c>_create_v2</c>, used by
    /// volume-backed snapshots): one call gives an active image of 0 bytes, with the formats Nova sets when missing.
    /// </summary>
    [Fact]
    public async Task An_active_empty_image_is_created_in_one_call()
    {
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);

        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "parity-empty", ActivateEmpty = true });
        try
        {
            Assert.Equal((ImageStatus.Active, 0L, "qcow2", "bare"), (image.Status, image.Size, image.DiskFormat, image.ContainerFormat));
            Assert.Equal(ImageStatus.Active, (await host.Api.GetImageAsync(image.Id)).Status);
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }
    }

    /// <summary>
    /// Nova's <c>_endpoint_from_image_ref</c> / <c>get_remote_image_service</c>: an image href where an id is
    /// expected. One naming the configured endpoint is that image; one naming any other endpoint is refused before
    /// anything is sent (Nova would send the token there).
    /// </summary>
    [Fact]
    public async Task An_image_href_is_accepted_for_a_configured_endpoint_and_refused_for_another_before_any_request()
    {
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "parity-href", DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            var href = new Uri(GlanceServer.Endpoint, $"/v2/images/{image.Id}").AbsoluteUri;
            Assert.Equal(image.Id, (await host.Api.GetImageAsync(href)).Id);
            await host.Api.AddTagAsync(href, "via-href");
            Assert.Contains("via-href", (await host.Api.GetImageAsync(image.Id)).Tags);

            var sent = host.Requests.All.Count;
            var otherHost = $"http://glance.attacker.example:{GlanceServer.Endpoint.Port}/v2/images/{image.Id}";
            var otherPrefix = new Uri(GlanceServer.Endpoint, $"/image/v2/images/{image.Id}").AbsoluteUri;
            foreach (var foreign in new[] { otherHost, otherPrefix })
            {
                var error = await Assert.ThrowsAsync<InvalidImageRequestException>(() => host.Api.GetImageAsync(foreign));
                Assert.Contains("not one of this client's Glance endpoints", error.Message);
                await Assert.ThrowsAsync<InvalidImageRequestException>(() => host.Api.DeleteImageAsync(foreign));
            }
            Assert.Equal(sent, host.Requests.All.Count);
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }
    }

    /// <summary>
    /// Nova's <c>download</c> re-raises glanceclient's failures translated with the server (<c>_reraise_translated_image_exception</c>,
    /// <c>test_client_connect_failure</c> / <c>test_download_with_retries</c>): a download whose server never opens
    /// a connection names that server; one whose data always answers 503 names the server and status 503.
    /// </summary>
    [Fact]
    public async Task A_download_that_never_opened_names_the_server_and_the_503_status()
    {
        var closed = ImageApiHost.ClosedPort();
        await using var dead = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, closed);
        var refused = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => dead.Api.DownloadAsync("885d1cb0", Stream.Null));
        Assert.Equal(closed.Authority, refused.Server?.Authority);

        await using var host = ImageApiHost.Build(s =>
        {
            var builder = s.AddGlanceImageApi(o =>
            {
                o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
                o.ApiVersion = ApiVersion.V2;
                o.NumRetries = 1;
                o.RetryDelay = TimeSpan.Zero;
                o.Token = GlanceIdentity.ProjectA.Token;
            });
            builder.AddHttpMessageHandler(() => new DataUnavailable());
            return builder;
        });
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "parity-503", DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            await host.Api.UploadAsync(image.Id, new MemoryStream(Encoding.ASCII.GetBytes("data")));

            var unavailable = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.DownloadAsync(image.Id, new MemoryStream()));

            Assert.Equal((GlanceServer.Endpoint.Authority, HttpStatusCode.ServiceUnavailable), (unavailable.Server?.Authority, unavailable.StatusCode));
            Assert.Equal(image.Id, unavailable.ImageId);
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }
    }

    private static async Task<Image> WaitForLocationsAsync(IImageApi api, string imageId, int count)
    {
        // The copy runs in Glance's task executor, which saves the image again when it ends: a location removed
        // before that save comes back. Wait for the locations, then for the image's tasks to end (bounded).
        using var http = new HttpClient { BaseAddress = GlanceServer.Endpoint };
        http.DefaultRequestHeaders.Add("X-Auth-Token", GlanceIdentity.Admin.Token);
        var tasks = NovaImage.V2.GlanceV2Client.Create(http);
        for (var i = 0; i < 600; i++)
        {
            var image = await api.GetImageAsync(imageId);
            if (image.Locations.Count >= count && !(await tasks.GetImageTasksAsync(imageId)).Tasks.Any(t => t.Status is "pending" or "processing"))
                return await api.GetImageAsync(imageId);
            await Task.Delay(100);
        }
        throw new TimeoutException($"image {imageId} never got {count} locations with its tasks ended");
    }

    /// <summary>Answers every data request (<c>/file</c>) with 503; the metadata requests reach Glance.</summary>
    private sealed class DataUnavailable : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.EndsWith("/file", StringComparison.Ordinal) && request.Method == HttpMethod.Get
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("injected") })
                : base.SendAsync(request, cancellationToken);
    }

    private sealed record Recorded(string Method, string Path, string? ContentType, string Body);

    /// <summary>Records each request and answers with an image record.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public List<Recorded> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new Recorded(request.Method.Method, request.RequestUri!.AbsolutePath, request.Content?.Headers.ContentType?.MediaType, body));
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent("""{"id":"885d1cb0","status":"active","visibility":"private","locations":[]}""", Encoding.UTF8, "application/json"),
            };
        }
    }
}
