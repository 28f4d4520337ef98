using System.Net;
using System.Text.Json;
using NovaImage.TestSupport;
using NovaImage.V2;

namespace NovaImage.Tests.V2;

/// <summary>Versions, /v2/info/*, and schemas against the real Glance.</summary>
public sealed class DiscoveryTests : GlanceV2TestBase
{
    [Fact]
    public async Task Versions_lists_v2_with_a_current_entry_and_self_links()
    {
        var versions = await Owner.GetVersionsAsync();

        Assert.Contains(versions.Versions, v => v.Id == "v2.0" && v.Status == "SUPPORTED");
        var current = Assert.Single(versions.Versions, v => v.Status == "CURRENT");
        Assert.StartsWith("v2.", current.Id);
        Assert.All(versions.Versions, v => Assert.Equal(
            GlanceServer.Endpoint.AbsoluteUri.TrimEnd('/') + "/v2/", Assert.Single(v.Links, l => l.Rel == "self").Href));
    }

    [Fact]
    public async Task Import_info_lists_the_enabled_methods()
    {
        var info = await Owner.GetImportInfoAsync();

        Assert.Equal("array", info.ImportMethods?.Type);
        Assert.Equal(["copy-image", "glance-direct", "glance-download", "web-download"], info.ImportMethods!.Value.Order());
    }

    [Fact]
    public async Task Stores_reads_the_default_flag_sent_as_a_string()
    {
        var stores = await Owner.GetStoresAsync();

        Assert.Equal(["fs1", "fs2"], stores.Stores.Select(s => s.Id).Order());
        Assert.True(stores.Stores.Single(s => s.Id == "fs1").Default);
        Assert.False(stores.Stores.Single(s => s.Id == "fs2").Default);
        Assert.All(stores.Stores, s => Assert.False(s.ReadOnly));
        Assert.All(stores.Stores, s => Assert.False(string.IsNullOrEmpty(s.Description)));
    }

    [Fact]
    public async Task Stores_detail_shows_type_and_data_dir_to_an_admin_and_is_refused_to_a_member()
    {
        var detail = await Admin.GetStoresDetailAsync();
        var fs2 = detail.Stores.Single(s => s.Id == "fs2");
        Assert.Equal("file", fs2.Type);
        Assert.Equal(Path.Combine(GlanceServer.StateDir, "images", "fs2"), fs2.Properties!["data_dir"].GetString());

        var error = await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.GetStoresDetailAsync());
        Assert.Equal("403 Forbidden", error.Body?.Code);
    }

    [Fact]
    public async Task Usage_answers_with_a_usage_map_of_limits_and_usage_per_quota()
    {
        // Unified limits are off on the dev server, so its map is empty: the call proves the route and the envelope.
        Assert.Empty((await Owner.GetUsageAsync()).Usage);

        // A deployment with limits answers one entry per quota (api-ref of /v2/info/usage).
        var limited = JsonSerializer.Deserialize(
            """{"usage": {"image_size_total": {"limit": 1000, "usage": 10}, "image_count_total": {"limit": -1, "usage": 3}}}""",
            GlanceV2JsonContext.Default.GlanceUsage)!;
        Assert.Equal(
            [("image_count_total", -1L, 3L), ("image_size_total", 1000L, 10L)],
            limited.Usage.Select(q => (q.Key, q.Value.Limit, q.Value.Usage)).Order());
    }

    [Theory]
    [InlineData("image", "os_hash_value")]
    [InlineData("images", "images")]
    [InlineData("member", "member_id")]
    [InlineData("members", "members")]
    [InlineData("task", "status")]
    [InlineData("tasks", "tasks")]
    public async Task Schemas_are_served(string name, string property)
    {
        var schema = await Owner.GetSchemaAsync(name);

        Assert.Equal(name, schema.Name);
        Assert.True(schema.Properties.ContainsKey(property), $"schema {name} has no property {property}");
    }

    [Fact]
    public async Task Image_schema_marks_operator_properties_as_not_base()
    {
        var schema = await Owner.GetSchemaAsync("image");

        Assert.False(schema.Properties["os_distro"].GetProperty("is_base").GetBoolean());
        Assert.Equal("string", schema.Keywords!["additionalProperties"].GetProperty("type").GetString());
        Assert.Contains(schema.Links, l => l.Rel == "enclosure" && l.Href == "{file}");
    }
}
