using System.Net;
using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>GET /v1/, /v1/images and /v1/images/detail: fields, every filter, sort, paging, validation, visibility (reference §4).</summary>
public sealed class V1ListTests : V1ServerTestBase
{
    protected override V1ServerOptions Options => new() { ApiLimitMax = 50 };

    private async Task SeedAsync()
    {
        await CreateWithDataAsync(A, Bytes(10), new V1ImageMetadata
        {
            Name = "alpha", DiskFormat = "raw", ContainerFormat = "bare", MinRam = 128, MinDisk = 1,
            Properties = new Dictionary<string, string?> { ["os_distro"] = "cirros" },
        });
        await CreateWithDataAsync(A, Bytes(1000), new V1ImageMetadata
        {
            Name = "beta", DiskFormat = "qcow2", ContainerFormat = "bare", MinRam = 256, MinDisk = 2, Protected = true,
            Properties = new Dictionary<string, string?> { ["os_distro"] = "ubuntu" },
        });
        await CreateWithDataAsync(A, Bytes(100), new V1ImageMetadata { Name = "gamma", DiskFormat = "qcow2", ContainerFormat = "ovf", MinRam = 128 });
        await CreateAsync(A, new V1ImageMetadata { Name = "queued-one", DiskFormat = "raw", ContainerFormat = "bare" });
    }

    private static async Task<List<V1ImageMetadata>> DetailAsync(IGlanceV1Api api, V1ImageListQuery query)
    {
        using var response = await api.ListImagesDetailAsync(query.ToQueryParameters());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. response.Content!.Images];
    }

    private static async Task<string[]> NamesAsync(IGlanceV1Api api, V1ImageListQuery query) =>
        [.. (await DetailAsync(api, query)).Select(i => i.Name!).Order(StringComparer.Ordinal)];

    // The queries are keyed by filter name: V1ImageListQuery is internal, so it cannot be a public theory's parameter.
    private static readonly Dictionary<string, V1ImageListQuery> Queries = new()
    {
        ["name"] = new() { Name = "beta" },
        ["status"] = new() { Status = "queued" },
        ["container_format"] = new() { ContainerFormat = "ovf" },
        ["disk_format"] = new() { DiskFormat = "qcow2" },
        ["size_min"] = new() { SizeMin = 100 },
        ["size_max"] = new() { SizeMax = 100 },
        ["size range"] = new() { SizeMin = 10, SizeMax = 999 },
        ["min_ram"] = new() { MinRam = 128 },
        ["min_disk"] = new() { MinDisk = 2 },
        ["protected"] = new() { Protected = true },
        ["property"] = new() { Properties = new Dictionary<string, string> { ["os_distro"] = "cirros" } },
        ["combined"] = new() { DiskFormat = "qcow2", MinRam = 128 },
    };

    public static TheoryData<string, string[]> Filters => new()
    {
        { "name", ["beta"] },
        { "status", ["queued-one"] },
        { "container_format", ["gamma"] },
        { "disk_format", ["beta", "gamma"] },
        { "size_min", ["beta", "gamma"] },
        { "size_max", ["alpha", "gamma", "queued-one"] },
        { "size range", ["alpha", "gamma"] },
        { "min_ram", ["alpha", "gamma"] },
        { "min_disk", ["beta"] },
        { "protected", ["beta"] },
        { "property", ["alpha"] },
        { "combined", ["gamma"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_selects_exactly_the_matching_images(string filter, string[] expected)
    {
        await SeedAsync();
        var names = await NamesAsync(A, Queries[filter]);
        Assert.True(expected.AsEnumerable().SequenceEqual(names), $"{filter}: got {string.Join(", ", names)}");
    }

    [Fact]
    public async Task Brief_lists_carry_only_the_brief_fields_and_detail_lists_every_field_and_properties()
    {
        await SeedAsync();
        using var brief = await A.ListImagesAsync(new V1ImageListQuery { Name = "alpha" }.ToQueryParameters());
        var item = Assert.Single(brief.Content!.Images);
        Assert.Equal(("alpha", 10L, "raw", "bare"), (item.Name, item.Size!.Value, item.DiskFormat, item.ContainerFormat));
        Assert.NotNull(item.Checksum);
        Assert.Null(item.Status);
        Assert.Empty(item.Properties);

        var detail = Assert.Single(await DetailAsync(A, new V1ImageListQuery { Name = "alpha" }));
        Assert.Equal("active", detail.Status);
        Assert.Equal(128, detail.MinRam);
        Assert.False(detail.IsPublic);
        Assert.Equal(GlanceIdentity.ProjectA.ProjectId, detail.Owner);
        Assert.Equal("cirros", detail.Properties["os_distro"]);
        Assert.Equal(detail with { Location = null }, await HeadAsync(A, detail.Id!));
    }

    [Fact]
    public async Task The_v1_root_lists_like_v1_images()
    {
        await SeedAsync();
        using var root = await A.ListImagesAtRootAsync(new Dictionary<string, string>());
        using var images = await A.ListImagesAsync(new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal(4, root.Content!.Images.Count);
        Assert.Equal(images.Content!.Images.Select(i => i.Id), root.Content.Images.Select(i => i.Id));
    }

    [Fact]
    public async Task Changes_since_also_returns_deleted_and_killed_images_that_plain_lists_hide()
    {
        var before = await CreateWithDataAsync(A, Bytes(10), new V1ImageMetadata { Name = "before" });
        var deleted = await CreateWithDataAsync(A, Bytes(10), new V1ImageMetadata { Name = "deleted" });
        var killed = await CreateAsync(A, new V1ImageMetadata { Name = "killed", DiskFormat = "raw", ContainerFormat = "bare" });
        using (await A.DeleteImageAsync(deleted.Id!)) { }
        using (await A.UploadImageAsync(killed.Id!, Headers(new V1ImageMetadata { Checksum = "0" }), new MemoryStream(Bytes(5)))) { }

        Assert.Equal(["before"], await NamesAsync(A, new V1ImageListQuery()));
        var changed = await DetailAsync(A, new V1ImageListQuery { ChangesSince = before.UpdatedAt });
        Assert.Equal(["deleted", "killed"], changed.Select(i => i.Name!).Order(StringComparer.Ordinal));
        Assert.Contains(changed, i => i is { Name: "deleted", Deleted: true, Status: "deleted" });
        Assert.Contains(changed, i => i is { Name: "killed", Status: "killed" });
    }

    [Fact]
    public async Task Is_public_is_honoured_for_admins_only()
    {
        await CreateAsync(A, new V1ImageMetadata { Name = "a-private" });
        await CreateAsync(B, new V1ImageMetadata { Name = "b-private" });
        await CreateAsync(Admin, new V1ImageMetadata { Name = "public", IsPublic = true });

        Assert.Equal(["public"], await NamesAsync(Admin, new V1ImageListQuery()));
        Assert.Equal(["public"], await NamesAsync(Admin, new V1ImageListQuery { IsPublic = V1PublicFilter.Public }));
        Assert.Equal(["a-private", "b-private"], await NamesAsync(Admin, new V1ImageListQuery { IsPublic = V1PublicFilter.NotPublic }));
        Assert.Equal(["a-private", "b-private", "public"], await NamesAsync(Admin, new V1ImageListQuery { IsPublic = V1PublicFilter.All }));
        Assert.Equal(["a-private", "public"], await NamesAsync(A, new V1ImageListQuery { IsPublic = V1PublicFilter.NotPublic }));
        Assert.Equal(["public"], await NamesAsync(C, new V1ImageListQuery()));
    }

    [Theory]
    [InlineData("name", false, new[] { "alpha", "beta", "gamma", "queued-one" })]
    [InlineData("name", true, new[] { "queued-one", "gamma", "beta", "alpha" })]
    [InlineData("size", false, new[] { "queued-one", "alpha", "gamma", "beta" })]
    [InlineData("created_at", true, new[] { "queued-one", "gamma", "beta", "alpha" })]
    public async Task Sort_key_and_sort_dir_order_the_list(string key, bool descending, string[] expected)
    {
        await SeedAsync();
        var images = await DetailAsync(A, new V1ImageListQuery { SortKey = key, SortDescending = descending });
        Assert.Equal(expected, images.Select(i => i.Name!));
    }

    [Fact]
    public async Task Paging_with_marker_and_limit_walks_every_page_and_stops_on_a_short_page()
    {
        for (var i = 0; i < 23; i++) await CreateAsync(A, new V1ImageMetadata { Name = $"img-{i:D2}" });
        var requestsBefore = Server.RequestCount;

        var seen = new List<string>();
        var pages = 0;
        string? marker = null;
        while (true)
        {
            var page = await DetailAsync(A, new V1ImageListQuery { Limit = 5, Marker = marker, SortKey = "name", SortDescending = false });
            pages++;
            seen.AddRange(page.Select(i => i.Name!));
            if (page.Count < 5) break;
            marker = page[^1].Id;
        }

        Assert.Equal(5, pages);
        Assert.Equal(5, Server.RequestCount - requestsBefore);
        Assert.Equal(Enumerable.Range(0, 23).Select(i => $"img-{i:D2}"), seen);
    }

    [Fact]
    public async Task The_default_page_size_and_the_maximum_come_from_the_registry_settings()
    {
        for (var i = 0; i < 30; i++) await CreateAsync(A, new V1ImageMetadata { Name = $"n{i}" });
        Assert.Equal(25, (await DetailAsync(A, new V1ImageListQuery())).Count);

        await using var small = await V1Server.StartAsync(new V1ServerOptions { ApiLimitMax = 3, LimitParamDefault = 2 });
        var api = GlanceV1Client.Create(small.CreateClient(GlanceIdentity.ProjectA));
        for (var i = 0; i < 5; i++) await CreateAsync(api, new V1ImageMetadata { Name = $"s{i}" });
        Assert.Equal(2, (await DetailAsync(api, new V1ImageListQuery())).Count);
        Assert.Equal(3, (await DetailAsync(api, new V1ImageListQuery { Limit = 10 })).Count);
    }

    [Theory]
    [InlineData("limit", "-1")]
    [InlineData("limit", "ten")]
    [InlineData("marker", "not-a-uuid")]
    [InlineData("marker", "3f1c0d7e-6a86-4c4f-9a39-1d0b2e7c9a11")]
    [InlineData("sort_key", "owner")]
    [InlineData("sort_dir", "up")]
    [InlineData("size_min", "-5")]
    [InlineData("size_max", "big")]
    [InlineData("min_ram", "-1")]
    [InlineData("changes-since", "yesterday")]
    [InlineData("protected", "maybe")]
    [InlineData("is_public", "maybe")]
    public async Task Invalid_list_parameters_are_a_bad_request(string name, string value)
    {
        using var response = await A.ListImagesDetailAsync(new Dictionary<string, string> { [name] = value });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
