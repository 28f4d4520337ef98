using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using NovaImage.TestSupport;
using NovaImage.Tests.V2;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// The contract of <see cref="IImageApi"/>, run with the same assertions against the real Glance (v2) and the v1
/// test server (v1): whatever the version, an application sees the same behaviour.
/// </summary>
public abstract class ImageApiContractTests : IAsyncLifetime
{
    private readonly ConcurrentBag<ImageApiHost> _hosts = [];
    private readonly ConcurrentBag<string> _created = [];
    private readonly string _run = "c" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The API version the suite runs on.</summary>
    protected abstract ApiVersion Version { get; }

    /// <summary>The server's endpoint.</summary>
    protected abstract Uri Endpoint { get; }

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        var owner = Client(GlanceIdentity.ProjectA);
        foreach (var id in _created)
        {
            try
            {
                await owner.UpdateImageAsync(id, new ImageUpdate { Protected = false });
                await owner.DeleteImageAsync(id);
            }
            catch (ImageNotFoundException)
            {
                // deleted by the test
            }
        }
        foreach (var host in _hosts) await host.DisposeAsync();
    }

    /// <summary>A client acting as <paramref name="identity"/>.</summary>
    protected IImageApi Client(GlanceIdentity identity)
    {
        var host = ImageApiHost.Create(identity, Version, Endpoint);
        _hosts.Add(host);
        return host.Api;
    }

    /// <summary>The owner's client.</summary>
    protected IImageApi Owner => Client(GlanceIdentity.ProjectA);

    /// <summary>Creates an image as the owner (tracked for cleanup).</summary>
    protected async Task<Image> CreateAsync(string name, ImageVisibility visibility = ImageVisibility.Private, IReadOnlyDictionary<string, string>? properties = null)
    {
        var image = await Owner.CreateImageAsync(new ImageCreate
        {
            Name = $"{_run}-{name}",
            DiskFormat = "raw",
            ContainerFormat = "bare",
            Visibility = visibility,
            MinDisk = 1,
            MinRam = 64,
            Properties = properties ?? new Dictionary<string, string>(),
        });
        _created.Add(image.Id);
        return image;
    }

    [Fact]
    public async Task The_client_uses_the_configured_version()
    {
        Assert.Equal(Version, await Owner.GetApiVersionAsync());
    }

    [Fact]
    public async Task Create_then_show_round_trips_fields_and_properties()
    {
        var created = await CreateAsync("fields", properties: new Dictionary<string, string> { ["os_distro"] = "debian", ["hw_disk_bus"] = "virtio" });

        var shown = await Owner.GetImageAsync(created.Id);

        Assert.Equal(created.Id, shown.Id);
        Assert.Equal($"{_run}-fields", shown.Name);
        Assert.Equal(ImageStatus.Queued, shown.Status);
        Assert.Equal(ImageVisibility.Private, shown.Visibility);
        Assert.Equal("raw", shown.DiskFormat);
        Assert.Equal("bare", shown.ContainerFormat);
        Assert.Equal(1, shown.MinDisk);
        Assert.Equal(64, shown.MinRam);
        Assert.False(shown.Protected);
        Assert.False(shown.Deleted);
        Assert.Null(shown.Size);
        Assert.Null(shown.Checksum);
        Assert.Equal(GlanceIdentity.ProjectA.ProjectId, shown.Owner);
        Assert.NotNull(shown.CreatedAt);
        Assert.Equal("debian", shown.Properties["os_distro"]);
        Assert.Equal("virtio", shown.Properties["hw_disk_bus"]);
    }

    [Fact]
    public async Task Update_sets_fields_and_sets_and_removes_properties()
    {
        var image = await CreateAsync("update", properties: new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "2", ["change"] = "old" });

        var updated = await Owner.UpdateImageAsync(image.Id, new ImageUpdate
        {
            Name = $"{_run}-renamed",
            MinRam = 128,
            SetProperties = new Dictionary<string, string> { ["change"] = "new", ["added"] = "3" },
            RemoveProperties = ["drop"],
        });
        var shown = await Owner.GetImageAsync(image.Id);

        foreach (var result in new[] { updated, shown })
        {
            Assert.Equal($"{_run}-renamed", result.Name);
            Assert.Equal(128, result.MinRam);
            Assert.Equal(1, result.MinDisk);
            Assert.Equal("1", result.Properties["keep"]);
            Assert.Equal("new", result.Properties["change"]);
            Assert.Equal("3", result.Properties["added"]);
            Assert.False(result.Properties.ContainsKey("drop"));
        }
    }

    [Fact]
    public async Task Update_with_ReplaceProperties_keeps_only_the_new_set()
    {
        var image = await CreateAsync("purge", properties: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        await Owner.UpdateImageAsync(image.Id, new ImageUpdate { ReplaceProperties = true, SetProperties = new Dictionary<string, string> { ["b"] = "20", ["c"] = "3" } });
        var shown = await Owner.GetImageAsync(image.Id);

        Assert.False(shown.Properties.ContainsKey("a"));
        Assert.Equal("20", shown.Properties["b"]);
        Assert.Equal("3", shown.Properties["c"]);
        Assert.Equal(ImageVisibility.Private, shown.Visibility);
    }

    [Fact]
    public async Task An_update_without_properties_leaves_them_alone()
    {
        var image = await CreateAsync("nopurge", properties: new Dictionary<string, string> { ["a"] = "1" });

        await Owner.UpdateImageAsync(image.Id, new ImageUpdate { MinDisk = 5 });

        var shown = await Owner.GetImageAsync(image.Id);
        Assert.Equal("1", shown.Properties["a"]);
        Assert.Equal(5, shown.MinDisk);
    }

    [Fact]
    public async Task Upload_then_download_returns_the_same_verified_bytes()
    {
        var data = RandomNumberGenerator.GetBytes(300_000);
        var image = await CreateAsync("data");
        var reports = new ConcurrentQueue<TransferProgress>();

        await Owner.UploadAsync(image.Id, new MemoryStream(data), new UploadOptions { Progress = new NovaImage.Tests.Download.SyncProgress(reports.Enqueue) });
        var active = await Owner.GetImageAsync(image.Id);
        using var downloaded = new MemoryStream();
        var result = await Owner.DownloadAsync(image.Id, downloaded);

        Assert.Equal(ImageStatus.Active, active.Status);
        Assert.Equal(data.Length, active.Size);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), active.Checksum);
        Assert.Equal(data, downloaded.ToArray());
        Assert.Equal(data.Length, result.Bytes);
        Assert.Equal(DownloadPath.Http, result.Path);
        Assert.NotNull(result.VerifiedHash);
        Assert.Equal(data.Length, reports.Last().BytesTransferred);
    }

    [Fact]
    public async Task Upload_file_and_download_to_file_round_trip()
    {
        var data = RandomNumberGenerator.GetBytes(123_457);
        var dir = Directory.CreateTempSubdirectory("novaimage-contract-");
        try
        {
            var source = Path.Combine(dir.FullName, "source.img");
            var target = Path.Combine(dir.FullName, "target.img");
            await File.WriteAllBytesAsync(source, data);
            var image = await CreateAsync("file");

            await Owner.UploadFileAsync(image.Id, source);
            var result = await Owner.DownloadToFileAsync(image.Id, target);

            Assert.Equal(data, await File.ReadAllBytesAsync(target));
            Assert.Equal(data.Length, result.Bytes);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Upload_from_a_non_seekable_stream_works()
    {
        var data = RandomNumberGenerator.GetBytes(70_000);
        var image = await CreateAsync("stream");

        await Owner.UploadAsync(image.Id, new NonSeekableStream(data));

        var shown = await Owner.GetImageAsync(image.Id);
        Assert.Equal(ImageStatus.Active, shown.Status);
        Assert.Equal(data.Length, shown.Size);
    }

    [Fact]
    public async Task List_pages_invisibly_and_filters_on_properties()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await CreateAsync($"list{i}", properties: new Dictionary<string, string> { ["novaimage_run"] = _run })).Id);
        await CreateAsync("other", properties: new Dictionary<string, string> { ["novaimage_run"] = _run + "-other" });

        var listed = await Owner.ListImagesAsync(new ImageQuery { PageSize = 2, Properties = new Dictionary<string, string> { ["novaimage_run"] = _run } }).ToListAsync();
        var prefixed = await Owner.ListImagesAsync(new ImageQuery { PageSize = 2, Properties = new Dictionary<string, string> { ["property-novaimage_run"] = _run } }).ToListAsync();

        Assert.Equal(ids.Order(), listed.Select(i => i.Id).Order());
        Assert.Equal(ids.Order(), prefixed.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task List_sorts_by_name()
    {
        foreach (var n in new[] { "b", "c", "a" }) await CreateAsync($"sort-{n}", properties: new Dictionary<string, string> { ["novaimage_run"] = _run });

        var listed = await Owner.ListImagesAsync(new ImageQuery
        {
            Properties = new Dictionary<string, string> { ["novaimage_run"] = _run },
            Sort = [new SortKey("name", SortDirection.Ascending)],
        }).Select(i => i.Name).ToListAsync();

        Assert.Equal([$"{_run}-sort-a", $"{_run}-sort-b", $"{_run}-sort-c"], listed);
    }

    /// <summary>
    /// Nova's <c>TestDetail.test_detail_params_passed_v1</c> (<c>_extract_query_params</c> sets <c>is_public=none</c>):
    /// an admin's default listing includes other projects' private images, on v1 as on v2.
    /// </summary>
    [Fact]
    public async Task An_admins_default_listing_includes_other_projects_private_images()
    {
        var image = await CreateAsync("admin-sees", properties: new Dictionary<string, string> { ["novaimage_run"] = _run });

        var listed = await Client(GlanceIdentity.Admin).ListImagesAsync(new ImageQuery
        {
            Properties = new Dictionary<string, string> { ["novaimage_run"] = _run },
        }).Select(i => i.Id).ToListAsync();

        Assert.Equal([image.Id], listed);
    }

    /// <summary>
    /// Nova's <c>detail(context, marker=..., limit=...)</c> (<c>TestDetail.test_detail_params_passed_v1/v2</c>):
    /// <see cref="ImageQuery.Marker"/> starts after an image, <see cref="ImageQuery.Limit"/> is the total across pages
    /// (not the page size), and no page is requested once it is reached.
    /// </summary>
    [Fact]
    public async Task Marker_starts_after_an_image_and_Limit_caps_the_total_across_pages()
    {
        var run = new Dictionary<string, string> { ["novaimage_run"] = _run };
        var names = new[] { "m1", "m2", "m3", "m4", "m5" };
        foreach (var name in names) await CreateAsync($"page-{name}", properties: run);
        var host = ImageApiHost.Create(GlanceIdentity.ProjectA, Version, Endpoint);
        _hosts.Add(host);
        var byName = new ImageQuery { Properties = run, Sort = [new SortKey("name", SortDirection.Ascending)], PageSize = 2 };
        async Task<List<string>> Names(ImageQuery query) =>
            await host.Api.ListImagesAsync(query).Select(i => i.Name!.Replace($"{_run}-page-", "", StringComparison.Ordinal)).ToListAsync();
        var all = await host.Api.ListImagesAsync(byName).ToListAsync();

        var firstThree = await Names(byName with { Limit = 3 });
        var before = host.Requests.All.Count;
        var firstTwo = await Names(byName with { Limit = 2 });
        var pagesForTwo = host.Requests.All.Count - before;
        var afterSecond = await Names(byName with { Marker = all[1].Id });
        var afterFirstTwoOfThem = await Names(byName with { Marker = all[0].Id, Limit = 2 });

        Assert.Equal(names, all.Select(i => i.Name!.Replace($"{_run}-page-", "", StringComparison.Ordinal)));
        Assert.Equal(["m1", "m2", "m3"], firstThree);
        Assert.Equal(["m1", "m2"], firstTwo);
        Assert.Equal(1, pagesForTwo);
        Assert.Equal(["m3", "m4", "m5"], afterSecond);
        Assert.Equal(["m2", "m3"], afterFirstTwoOfThem);
    }

    [Fact]
    public async Task Delete_then_show_fails_with_image_not_found_naming_image_and_server()
    {
        var image = await CreateAsync("delete");

        await Owner.DeleteImageAsync(image.Id);
        var error = await Assert.ThrowsAsync<ImageNotFoundException>(() => Owner.GetImageAsync(image.Id));

        Assert.Equal(image.Id, error.ImageId);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains(image.Id, error.Message);
    }

    [Fact]
    public async Task Show_of_a_missing_image_is_a_typed_error_with_server_and_status()
    {
        var id = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<ImageNotFoundException>(() => Owner.GetImageAsync(id));

        Assert.Equal(id, error.ImageId);
        Assert.Equal(Endpoint.Authority, error.Server!.Authority);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Another_project_cannot_see_a_private_image()
    {
        var image = await CreateAsync("private");

        await Assert.ThrowsAsync<ImageNotFoundException>(() => Client(GlanceIdentity.ProjectC).GetImageAsync(image.Id));
        Assert.DoesNotContain(await Client(GlanceIdentity.ProjectC).ListImagesAsync().ToListAsync(), i => i.Id == image.Id);
    }

    [Fact]
    public async Task A_protected_image_cannot_be_deleted()
    {
        var image = await CreateAsync("protected");
        await Owner.UpdateImageAsync(image.Id, new ImageUpdate { Protected = true });

        var error = await Assert.ThrowsAsync<ImageNotAuthorizedException>(() => Owner.DeleteImageAsync(image.Id));

        Assert.Equal(image.Id, error.ImageId);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.True((await Owner.GetImageAsync(image.Id)).Protected);
    }

    [Fact]
    public async Task Members_are_added_listed_and_removed()
    {
        var image = await CreateAsync("members", ImageVisibility.Shared);
        var member = GlanceIdentity.ProjectB.ProjectId;

        var added = await Owner.AddMemberAsync(image.Id, member);
        var listed = await Owner.ListMembersAsync(image.Id);
        await Owner.RemoveMemberAsync(image.Id, member);
        var after = await Owner.ListMembersAsync(image.Id);

        Assert.Equal(member, added.MemberId);
        Assert.Equal(image.Id, added.ImageId);
        Assert.Equal([member], listed.Select(m => m.MemberId));
        Assert.Empty(after);
    }
}
