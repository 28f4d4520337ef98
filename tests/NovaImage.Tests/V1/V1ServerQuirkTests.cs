using System.Net;
using System.Text.Json;
using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>Protocol-level behaviour of the v1 server that the typed client deliberately cannot trigger (raw HTTP), plus versions.</summary>
public sealed class V1ServerQuirkTests : V1ServerTestBase
{
    [Fact]
    public async Task Versions_lists_only_v1_and_other_paths_answer_300_with_the_same_document()
    {
        using var versions = await A.GetVersionsAsync();
        Assert.Equal(HttpStatusCode.OK, versions.StatusCode);
        Assert.Equal([("v1.1", "CURRENT"), ("v1.0", "SUPPORTED")], versions.Content!.Versions.Select(v => (v.Id, v.Status)));
        Assert.Equal(new Uri(Server.Endpoint, "/v1/").ToString(), versions.Content.Versions[0].Links.Single(l => l.Rel == "self").Href);

        using var raw = new HttpClient { BaseAddress = Server.Endpoint }; // no token needed for version discovery
        foreach (var path in new[] { "/", "/v2/images" })
        {
            using var response = await raw.GetAsync(path);
            Assert.Equal(HttpStatusCode.MultipleChoices, response.StatusCode);
            Assert.Contains("\"v1.1\"", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_advertised_versions_are_configurable()
    {
        await using var queens = await V1Server.StartAsync(new V1ServerOptions
        {
            Versions = [new("v2.6", "CURRENT", null), new("v1.1", "DEPRECATED", null), new("v1.0", "DEPRECATED", null)],
        });
        using var versions = await GlanceV1Client.Create(queens.CreateClient(GlanceIdentity.ProjectA)).GetVersionsAsync();
        Assert.Equal(["v2.6", "v1.1", "v1.0"], versions.Content!.Versions.Select(v => v.Id));
        Assert.EndsWith("/v2/", versions.Content.Versions[0].Links[0].Href);
    }

    [Theory]
    [InlineData("/v1.0/images")]
    [InlineData("/v1.1/images")]
    public async Task The_v1_0_and_v1_1_prefixes_are_the_same_api(string path)
    {
        await CreateAsync(A, new V1ImageMetadata { Name = "same" });
        using var response = await Raw(GlanceIdentity.ProjectA).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"same\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_401()
    {
        using var raw = new HttpClient { BaseAddress = Server.Endpoint };
        using var none = await raw.GetAsync("/v1/images");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/images");
        request.Headers.Add("X-Auth-Token", "not-a-dev-token");
        using var bad = await raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Theory]
    [InlineData("HEAD", "/v1/images/detail", "GET")]
    [InlineData("DELETE", "/v1/images", "GET, POST")]
    [InlineData("POST", "/v1/images/3f1c0d7e-6a86-4c4f-9a39-1d0b2e7c9a11", "GET, HEAD, PUT, DELETE")]
    [InlineData("POST", "/v1/images/3f1c0d7e-6a86-4c4f-9a39-1d0b2e7c9a11/members", "GET, PUT")]
    [InlineData("GET", "/v1/images/3f1c0d7e-6a86-4c4f-9a39-1d0b2e7c9a11/members/22222222222222222222222222222222", "PUT, DELETE")]
    public async Task Wrong_methods_get_405_with_an_Allow_header(string method, string path, string allow)
    {
        using var response = await Raw(GlanceIdentity.ProjectA).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Shared_images_answers_any_method()
    {
        using var response = await Raw(GlanceIdentity.ProjectB).PostAsync($"/v1/shared-images/{GlanceIdentity.ProjectB.ProjectId}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"shared_images":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Errors_are_plain_text_by_default_and_JSON_when_JSON_is_preferred()
    {
        var missing = Guid.NewGuid();
        var raw = Raw(GlanceIdentity.ProjectA);
        using var plain = await raw.GetAsync($"/v1/images/{missing}/members");
        Assert.Equal("text/plain", plain.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("404 Not Found\n\n", await plain.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/images/{missing}/members");
        request.Headers.Add("Accept", "application/json");
        using var json = await raw.SendAsync(request);
        using var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("404 Not Found", body.RootElement.GetProperty("code").GetString());
        Assert.Equal("Not Found", body.RootElement.GetProperty("title").GetString());
        Assert.Contains(missing.ToString(), body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Response_header_names_are_capitalized_per_segment_and_booleans_are_Python_style()
    {
        var image = await CreateWithDataAsync(A, Bytes(3), new V1ImageMetadata
        {
            Properties = new Dictionary<string, string?> { ["hw_disk_bus"] = "virtio" },
        });
        using var head = await Raw(GlanceIdentity.ProjectA).SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v1/images/{image.Id}"));
        var names = head.Headers.Select(h => h.Key).ToList();
        Assert.Contains("X-Image-Meta-Container_format", names);
        Assert.Contains("X-Image-Meta-Property-Hw_disk_bus", names);
        Assert.Equal("False", head.Headers.GetValues("X-Image-Meta-Is_public").Single());
        Assert.Equal("None", head.Headers.GetValues("X-Image-Meta-Virtual_size").Single());
        Assert.DoesNotContain("X-Image-Meta-Deleted_at", names); // null fields are omitted
    }

    [Fact]
    public async Task Request_header_names_are_case_insensitive_and_dashes_read_as_underscores()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images");
        request.Headers.Add("X-IMAGE-META-MIN-RAM", "512");
        request.Headers.Add("x-image-meta-property-OS-Distro", "cirros");
        using var response = await Raw(GlanceIdentity.ProjectA).SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var image = body.RootElement.GetProperty("image");
        Assert.Equal(512, image.GetProperty("min_ram").GetInt32());
        Assert.Equal("cirros", image.GetProperty("properties").GetProperty("os_distro").GetString());
        Assert.StartsWith(Server.Endpoint.ToString().TrimEnd('/') + "/v1/images/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Create_with_data_of_the_wrong_content_type_is_refused_and_kills_the_image()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images")
        {
            Content = new ByteArrayContent(Bytes(10)) { Headers = { { "Content-Type", "text/plain" } } },
        };
        request.Headers.Add("x-image-meta-disk_format", "raw");
        request.Headers.Add("x-image-meta-container_format", "bare");
        using var response = await Raw(GlanceIdentity.ProjectA).SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        using var changed = await A.ListImagesDetailAsync(new V1ImageListQuery { ChangesSince = DateTimeOffset.UnixEpoch }.ToQueryParameters());
        Assert.Equal("killed", Assert.Single(changed.Content!.Images).Status);
    }

    [Fact]
    public async Task Header_lines_over_max_header_line_are_rejected_by_the_server()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images");
        request.Headers.TryAddWithoutValidation("x-image-meta-property-blob", new string('x', 16384));
        using var response = await Raw(GlanceIdentity.ProjectA).SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Injected_failures_answer_the_next_requests_then_the_server_serves_again()
    {
        Server.Faults.FailNext(2, 503);
        using (var first = await A.GetVersionsAsync()) Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        using (var second = await A.ListImagesDetailAsync(new Dictionary<string, string>())) Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        using var third = await A.ListImagesDetailAsync(new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }
}
