using System.Net;
using NovaImage.TestSupport;
using NovaImage.V2;

namespace NovaImage.Tests.V2;

/// <summary>GET /v2/images: paging with next links, every filter, and sorting. Each test scopes itself with a unique tag.</summary>
public sealed class ListImagesTests : GlanceV2TestBase
{
    [Fact]
    public async Task Paging_follows_next_links_across_several_pages()
    {
        var tag = Unique("page");
        var created = new List<GlanceImage>();
        foreach (var n in new[] { "e", "b", "d", "a", "c" })
        {
            created.Add(await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique(n), Tags = [tag], Visibility = "private" }));
        }

        var page = await Owner.ListImagesAsync(limit: 2, sortKeys: ["name"], sortDirs: ["asc"], tags: [tag]);
        Assert.Equal("/v2/schemas/images", page.Schema);
        Assert.DoesNotContain("marker", page.First);
        var seen = new List<string?>();
        var pages = 0;
        while (true)
        {
            pages++;
            Assert.True(page.Images.Count <= 2);
            seen.AddRange(page.Images.Select(i => i.Name));
            if (page.Next is null)
            {
                break;
            }

            Assert.Contains("marker=", page.Next);
            page = await Owner.ListImagesNextPageAsync(GlanceV2Client.ResolveLink(GlanceServer.Endpoint, page.Next));
        }

        Assert.True(pages >= 3, $"expected at least 3 pages, got {pages}");
        Assert.Equal(new[] { "a", "b", "c", "d", "e" }.Select(Unique), seen);
    }

    [Fact]
    public async Task Name_id_status_and_format_filters_take_eq_and_in_operators()
    {
        var tag = Unique("ops");
        var raw = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("x:colon"), DiskFormat = "raw", ContainerFormat = "bare", Tags = [tag], Visibility = "private" });
        var qcow = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("qcow"), DiskFormat = "qcow2", ContainerFormat = "ovf", Tags = [tag], Visibility = "private" });
        var active = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("active"), DiskFormat = "raw", ContainerFormat = "bare", Tags = [tag], Visibility = "private" });
        await Owner.UploadImageDataAsync(active.Id, new MemoryStream(RandomBytes(10)));

        async Task<string[]> Ids(Func<IGlanceV2Api, Task<GlanceImageList>> list) =>
            (await list(Owner)).Images.Select(i => i.Id).Order().ToArray();

        Assert.Equal([raw.Id], await Ids(a => a.ListImagesAsync(name: GlanceListFilter.Equal(Unique("x:colon")), tags: [tag])));
        Assert.Equal(new[] { raw.Id, qcow.Id }.Order(), await Ids(a => a.ListImagesAsync(name: GlanceListFilter.In([Unique("x:colon"), Unique("qcow")]), tags: [tag])));
        Assert.Equal(new[] { qcow.Id, active.Id }.Order(), await Ids(a => a.ListImagesAsync(id: GlanceListFilter.In([qcow.Id, active.Id]))));
        Assert.Equal([active.Id], await Ids(a => a.ListImagesAsync(status: "active", tags: [tag])));
        Assert.Equal(new[] { raw.Id, qcow.Id, active.Id }.Order(), await Ids(a => a.ListImagesAsync(status: GlanceListFilter.In(["queued", "active"]), tags: [tag])));
        Assert.Equal([qcow.Id], await Ids(a => a.ListImagesAsync(diskFormat: GlanceListFilter.In(["qcow2", "vmdk"]), tags: [tag])));
        Assert.Equal([qcow.Id], await Ids(a => a.ListImagesAsync(containerFormat: "ovf", tags: [tag])));
    }

    [Fact]
    public async Task Time_size_hash_owner_visibility_protected_hidden_and_property_filters()
    {
        var tag = Unique("filters");
        var small = RandomBytes(100);
        var smallImage = await CreateImageAsync(Owner, new GlanceImageCreate
        {
            Name = Unique("small"), DiskFormat = "raw", ContainerFormat = "bare", Tags = [tag], Visibility = "private",
            ExtraProperties = GlanceExtraProperties.FromStrings([new("hw_disk_bus", "scsi")]),
        });
        await Owner.UploadImageDataAsync(smallImage.Id, new MemoryStream(small));
        var big = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("big"), DiskFormat = "raw", ContainerFormat = "bare", Tags = [tag], Visibility = "shared", Protected = true });
        await Owner.UploadImageDataAsync(big.Id, new MemoryStream(RandomBytes(5000)));
        var hidden = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("hidden"), Tags = [tag], Visibility = "private", OsHidden = true });

        async Task<string[]> Ids(Func<IGlanceV2Api, Task<GlanceImageList>> list) =>
            (await list(Owner)).Images.Select(i => i.Id).Order().ToArray();
        var visible = new[] { smallImage.Id, big.Id }.Order().ToArray();

        Assert.Equal(visible, await Ids(a => a.ListImagesAsync(tags: [tag])));
        Assert.Equal([hidden.Id], await Ids(a => a.ListImagesAsync(osHidden: true, tags: [tag])));
        Assert.Equal([big.Id], await Ids(a => a.ListImagesAsync(isProtected: true, tags: [tag])));
        Assert.Equal([smallImage.Id], await Ids(a => a.ListImagesAsync(isProtected: false, tags: [tag])));
        Assert.Equal([big.Id], await Ids(a => a.ListImagesAsync(sizeMin: 1000, tags: [tag])));
        Assert.Equal([smallImage.Id], await Ids(a => a.ListImagesAsync(sizeMax: 1000, tags: [tag])));
        Assert.Equal([smallImage.Id], await Ids(a => a.ListImagesAsync(checksum: Md5Hex(small))));
        Assert.Equal([smallImage.Id], await Ids(a => a.ListImagesAsync(osHashValue: Sha512Hex(small))));
        Assert.Equal([smallImage.Id], await Ids(a => a.ListImagesAsync(visibility: "private", tags: [tag])));
        Assert.Equal([big.Id], await Ids(a => a.ListImagesAsync(visibility: "shared", tags: [tag])));
        Assert.Equal(visible, await Ids(a => a.ListImagesAsync(owner: GlanceIdentity.ProjectA.ProjectId, tags: [tag])));
        Assert.Empty(await Ids(a => a.ListImagesAsync(owner: GlanceIdentity.ProjectB.ProjectId, tags: [tag])));
        Assert.Equal([smallImage.Id], await Ids(a => a.ListImagesAsync(tags: [tag], properties: new Dictionary<string, string> { ["hw_disk_bus"] = "scsi" })));

        var firstCreated = smallImage.CreatedAt!.Value;
        Assert.Equal(visible, await Ids(a => a.ListImagesAsync(createdAt: GlanceListFilter.Time("gte", firstCreated.AddSeconds(-1)), tags: [tag])));
        Assert.Empty(await Ids(a => a.ListImagesAsync(createdAt: GlanceListFilter.Time("lt", firstCreated.AddSeconds(-1)), tags: [tag])));
        Assert.Equal(visible, await Ids(a => a.ListImagesAsync(updatedAt: GlanceListFilter.Time("lte", DateTimeOffset.UtcNow.AddMinutes(5)), tags: [tag])));
        Assert.Empty(await Ids(a => a.ListImagesAsync(updatedAt: GlanceListFilter.Time("gt", DateTimeOffset.UtcNow.AddMinutes(5)), tags: [tag])));
    }

    [Fact]
    public async Task Several_tags_must_all_match()
    {
        var t1 = Unique("t1");
        var t2 = Unique("t2");
        var both = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("both"), Tags = [t1, t2], Visibility = "private" });
        await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("one"), Tags = [t1], Visibility = "private" });

        Assert.Equal(2, (await Owner.ListImagesAsync(tags: [t1])).Images.Count);
        Assert.Equal(both.Id, Assert.Single((await Owner.ListImagesAsync(tags: [t1, t2])).Images).Id);
    }

    [Fact]
    public async Task Sort_keys_directions_and_the_combined_sort_syntax()
    {
        var tag = Unique("sort");
        foreach (var (name, format) in new[] { ("b", "raw"), ("a", "qcow2"), ("c", "qcow2") })
        {
            await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique(name), DiskFormat = format, ContainerFormat = "bare", Tags = [tag], Visibility = "private" });
        }

        async Task<string[]> Names(Func<IGlanceV2Api, Task<GlanceImageList>> list) =>
            (await list(Owner)).Images.Select(i => i.Name![^1..]).ToArray();

        Assert.Equal(["c", "b", "a"], await Names(a => a.ListImagesAsync(sortKeys: ["name"], sortDirs: ["desc"], tags: [tag])));
        Assert.Equal(["a", "c", "b"], await Names(a => a.ListImagesAsync(sortKeys: ["disk_format", "name"], sortDirs: ["asc", "asc"], tags: [tag])));
        Assert.Equal(["c", "a", "b"], await Names(a => a.ListImagesAsync(sortKeys: ["disk_format", "name"], sortDirs: ["asc", "desc"], tags: [tag])));
        Assert.Equal(["b", "a", "c"], await Names(a => a.ListImagesAsync(sort: "disk_format:desc,name:asc", tags: [tag])));
    }

    [Fact]
    public async Task Bad_list_parameters_are_400_with_glance_s_message()
    {
        var badMarker = await ExpectErrorAsync(HttpStatusCode.BadRequest, () => Owner.ListImagesAsync(limit: 2, marker: Guid.Empty.ToString()));
        Assert.Contains(Guid.Empty.ToString(), badMarker.Message);
        Assert.DoesNotContain("<br", badMarker.Message);

        await ExpectErrorAsync(HttpStatusCode.BadRequest, () => Owner.ListImagesAsync(sortKeys: ["name"], sort: "name:asc"));
        await ExpectErrorAsync(HttpStatusCode.BadRequest, () => Owner.ListImagesAsync(sortKeys: ["name", "status"], sortDirs: ["asc", "desc", "asc"]));
        await ExpectErrorAsync(HttpStatusCode.BadRequest, () => Owner.ListImagesAsync(name: "bogus-op:value"));
        await ExpectErrorAsync(HttpStatusCode.BadRequest, () => Owner.ListImagesAsync(limit: -1));
    }
}
