using System.Text.Json;
using NovaImage.V2;

namespace NovaImage.Tests.V2;

/// <summary>Server-free checks of the v2 helpers (JSON shapes, links, filter syntax).</summary>
public sealed class ClientHelperTests
{
    [Theory]
    [InlineData("""{"id":"fs1","default":"true","read-only":"true"}""", true, true)]
    [InlineData("""{"id":"fs1","default":true,"read-only":false}""", true, false)]
    [InlineData("""{"id":"fs1"}""", false, false)]
    public void Store_flags_accept_strings_and_booleans(string json, bool isDefault, bool readOnly)
    {
        var store = JsonSerializer.Deserialize(json, GlanceV2JsonContext.Default.GlanceStore)!;

        Assert.Equal((isDefault, readOnly), (store.Default, store.ReadOnly));
    }

    [Fact]
    public void Extra_properties_round_trip_unchanged()
    {
        const string json = """{"id":"i","name":"n","status":"active","tags":[],"hw_disk_bus":"scsi","os_glance_import_task":"t","x":null}""";

        var image = JsonSerializer.Deserialize(json, GlanceV2JsonContext.Default.GlanceImage)!;
        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(image, GlanceV2JsonContext.Default.GlanceImage), GlanceV2JsonContext.Default.GlanceImage)!;

        Assert.Equal(["hw_disk_bus", "os_glance_import_task", "x"], again.ExtraProperties!.Keys.Order());
        Assert.Equal("scsi", GlanceExtraProperties.ToStrings(again.ExtraProperties)["hw_disk_bus"]);
        Assert.Null(GlanceExtraProperties.ToStrings(again.ExtraProperties)["x"]);
    }

    [Fact]
    public void Patch_operations_serialize_as_v2_1_json_patch()
    {
        GlancePatchOperation[] patch = [GlancePatchOperation.Replace("name", (string?)null), GlancePatchOperation.Remove("a/b~c"), GlancePatchOperation.Add("k", "v")];

        Assert.Equal(
            """[{"op":"replace","path":"/name","value":null},{"op":"remove","path":"/a~1b~0c"},{"op":"add","path":"/k","value":"v"}]""",
            JsonSerializer.Serialize(patch, GlanceV2JsonContext.Default.GlancePatchOperationArray));
    }

    [Fact]
    public void Import_requests_send_only_what_is_set()
    {
        Assert.Equal("""{"method":{"name":"glance-direct"}}""", JsonSerializer.Serialize(GlanceImportRequest.GlanceDirect(), GlanceV2JsonContext.Default.GlanceImportRequest));
        Assert.Equal("""{"method":{"name":"copy-image"},"stores":["fs2"],"all_stores_must_succeed":false}""",
            JsonSerializer.Serialize(GlanceImportRequest.CopyImage(["fs2"]) with { AllStoresMustSucceed = false }, GlanceV2JsonContext.Default.GlanceImportRequest));
        Assert.Equal("""{"method":{"name":"glance-download","glance_image_id":"i","glance_region":"R2","glance_service_interface":"public"}}""",
            JsonSerializer.Serialize(GlanceImportRequest.GlanceDownload("i", "R2", "public"), GlanceV2JsonContext.Default.GlanceImportRequest));
    }

    [Theory]
    [InlineData("http://h:9292", "/v2/images?limit=2&marker=m", "http://h:9292/v2/images?limit=2&marker=m")]
    [InlineData("https://cloud/image/", "/v2/images?marker=m", "https://cloud/image/v2/images?marker=m")]
    [InlineData("http://h:9292", "http://h:9292/v2/images?marker=m", "http://h:9292/v2/images?marker=m")]
    public void Links_resolve_under_the_endpoint_path(string endpoint, string link, string expected) =>
        Assert.Equal(expected, GlanceV2Client.ResolveLink(new Uri(endpoint), link));

    [Theory]
    [InlineData("http://other:1/v2/images?marker=m", "http://other:1")]
    [InlineData("https://h:9292/v2/images?marker=m", "https://h:9292")]
    [InlineData("http://h:9293/v2/images?marker=m", "http://h:9293")]
    [InlineData("http://user:pw@other:1/v2/images", "http://other:1")]
    public void A_link_to_another_origin_is_refused_naming_the_endpoint_and_that_origin(string link, string origin)
    {
        var error = Assert.Throws<GlanceServerException>(() => GlanceV2Client.ResolveLink(new Uri("http://h:9292"), link));

        Assert.Equal(new Uri("http://h:9292"), error.Server);
        Assert.Contains($"list link to {origin},", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_syntax()
    {
        Assert.Equal("eq:ubuntu:22.04", GlanceListFilter.Equal("ubuntu:22.04"));
        Assert.Equal("in:a,\"b,c\"", GlanceListFilter.In(["a", "b,c"]));
        Assert.Equal("gte:2024-01-02T03:04:05Z", GlanceListFilter.Time("gte", new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2))));
        Assert.Throws<ArgumentOutOfRangeException>(() => GlanceListFilter.Time("ge", DateTimeOffset.UtcNow));
        Assert.Throws<ArgumentException>(() => GlanceListFilter.In([]));
    }

    [Fact]
    public void Create_requires_a_base_address() =>
        Assert.Throws<ArgumentException>(() => GlanceV2Client.Create(new HttpClient()));

    [Fact]
    public void Every_image_operation_has_exactly_one_v2_method()
    {
        var marked = typeof(IGlanceV2Api).GetMethods()
            .Select(m => (Method: m.Name, Attribute: m.GetCustomAttributes(typeof(ImageOperationAttribute), false).Cast<ImageOperationAttribute>().SingleOrDefault()))
            .Where(m => m.Attribute is not null)
            .ToLookup(m => m.Attribute!.Operation, m => m.Method);

        Assert.All(Enum.GetValues<ImageOperation>(), op => Assert.Single(marked[op]));
        Assert.Equal(2, ((GlanceApiVersionAttribute)Attribute.GetCustomAttribute(typeof(IGlanceV2Api), typeof(GlanceApiVersionAttribute))!).Major);
    }
}
