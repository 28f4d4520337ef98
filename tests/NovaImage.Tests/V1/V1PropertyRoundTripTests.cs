using System.Net;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>
/// Properties through a real HTTP round trip to the v1 server, and the clear failure for what cannot be sent:
/// the error comes before any request reaches the server.
/// </summary>
public sealed class V1PropertyRoundTripTests : V1ServerTestBase
{
    [Fact]
    public async Task Properties_with_spaces_punctuation_and_long_values_round_trip_through_create_HEAD_list_and_update()
    {
        var longValue = string.Concat(Enumerable.Range(0, 1600).Select(i => (char)(' ' + 1 + i % 94)));
        var properties = new Dictionary<string, string?>
        {
            ["description"] = "A cirros image, built 2016-03-15 (daily); \"quoted\" & <escaped>?",
            ["hw_disk_bus"] = "virtio",
            ["inner"] = "two  spaces inside",
            ["os.version~1"] = "0.6.2",
            ["url"] = "http://example.com/a%20b?x=1&y=2",
            ["long"] = longValue,
            ["longest"] = new string('z', V1MetadataCodec.DefaultMaxHeaderLine - "x-image-meta-property-longest".Length - 4),
        };
        var created = await CreateAsync(A, new V1ImageMetadata { Name = "Round trip: spaces & symbols!", Properties = properties });
        Assert.Equal(properties, created.Properties);

        var shown = await HeadAsync(A, created.Id!);
        Assert.Equal(properties, shown.Properties);
        Assert.Equal("Round trip: spaces & symbols!", shown.Name);

        using var list = await A.ListImagesDetailAsync(new V1ImageListQuery { Properties = new Dictionary<string, string> { ["long"] = longValue } }.ToQueryParameters());
        Assert.Equal(properties, Assert.Single(list.Content!.Images).Properties);

        var changed = new Dictionary<string, string?>(properties) { ["description"] = "changed" };
        using var updated = await A.UpdateImageAsync(created.Id!, Headers(new V1ImageMetadata { Properties = changed }), purgeProperties: true);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(changed, (await HeadAsync(A, created.Id!)).Properties);
    }

    public static TheoryData<string, string, string> Unsendable => new()
    {
        { "os_name", "Ubuntu 日本語", "non-ASCII" },
        { "description", "café", "non-ASCII" },
        { "description", "line\r\nInjected: header", "control character" },
        { "description", new string('x', 20_000), "max_header_line" },
        { "trait:CUSTOM_X", "required", "cannot be part of an HTTP header name" },
        { "os-distro", "ubuntu", "come back as 'os_distro'" },
        { "OS_Distro", "ubuntu", "come back as 'os_distro'" },
        { "with space", "x", "cannot be part of an HTTP header name" },
        { "a/b", "x", "cannot be part of an HTTP header name" },
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task What_cannot_travel_as_a_header_fails_before_any_request_with_the_property_and_reason(string key, string value, string reason)
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Name = "target" });
        var requestsBefore = Server.RequestCount;

        var error = await Assert.ThrowsAsync<HeaderEncodingException>(async () =>
        {
            using var response = await A.UpdateImageAsync(image.Id!, V1MetadataCodec.Encode(
                new V1ImageMetadata { Properties = new Dictionary<string, string?> { [key] = value } }, image.Id), purgeProperties: false);
        });

        Assert.Contains($"property '{key}'", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Equal(image.Id, error.ImageId);
        Assert.Equal(requestsBefore, Server.RequestCount);
        Assert.Empty((await HeadAsync(A, image.Id!)).Properties); // nothing changed
    }

    [Fact]
    public async Task Sending_non_ASCII_raw_shows_why_the_codec_refuses_it_the_server_stores_Latin_1_mojibake()
    {
        // A client that sends UTF-8 header bytes anyway (as python-glanceclient < 2.11.1 did).
        using var utf8 = Server.CreateClient(TestSupport.GlanceIdentity.ProjectA,
            new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images");
        request.Headers.TryAddWithoutValidation("x-image-meta-property-os_name", "café");
        using var response = await utf8.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = response.Headers.Location!.Segments[^1];

        using var json = await A.ListImagesDetailAsync(new Dictionary<string, string>());
        Assert.Equal("caf\u00c3\u00a9", Assert.Single(json.Content!.Images, i => i.Id == id).Properties["os_name"]);
        Assert.Equal("caf\u00c3\u00a9", (await HeadAsync(A, id)).Properties["os_name"]);
    }
}
