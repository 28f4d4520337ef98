using System.Net;
using NovaImage.TestSupport;
using NovaImage.V2;

namespace NovaImage.Tests.V2;

/// <summary>Interoperable import: stage + glance-direct, web-download, copy-image, delete from a store, image tasks.</summary>
public sealed class ImportTests : GlanceV2TestBase
{
    [Fact]
    public async Task Stage_then_glance_direct_import_makes_the_image_active()
    {
        var data = RandomBytes(100_000);
        var image = await CreateRawImageAsync("glance-direct");

        await Owner.StageImageDataAsync(image.Id, new NonSeekableStream(data));
        Assert.Equal("uploading", (await Owner.GetImageAsync(image.Id)).Status);
        await Owner.ImportImageAsync(image.Id, GlanceImportRequest.GlanceDirect());

        var active = await WaitForImportAsync(Owner, image.Id, i => i.Status == "active", "active");
        Assert.Equal(data.Length, active.Size);
        Assert.Equal(Sha512Hex(data), active.OsHashValue);
        Assert.Equal("fs1", active.Stores);

        var tasks = await Owner.GetImageTasksAsync(image.Id);
        var task = Assert.Single(tasks.Tasks);
        Assert.Equal("api_image_import", task.Type);
        Assert.Equal(image.Id, task.ImageId);
        Assert.Equal(GlanceIdentity.ProjectA.UserId, task.UserId);
    }

    [Fact]
    public async Task Glance_direct_into_a_store_named_by_the_request_or_by_X_Image_Meta_Store()
    {
        var byBody = await CreateRawImageAsync("direct-fs2-body");
        await Owner.StageImageDataAsync(byBody.Id, new MemoryStream(RandomBytes(1000)));
        await Owner.ImportImageAsync(byBody.Id, GlanceImportRequest.GlanceDirect(stores: ["fs2"]));

        var byHeader = await CreateRawImageAsync("direct-fs2-header");
        await Owner.StageImageDataAsync(byHeader.Id, new MemoryStream(RandomBytes(1000)));
        await Owner.ImportImageAsync(byHeader.Id, GlanceImportRequest.GlanceDirect(), store: "fs2");

        Assert.Equal("fs2", (await WaitForImportAsync(Owner, byBody.Id, i => i.Status == "active", "active")).Stores);
        Assert.Equal("fs2", (await WaitForImportAsync(Owner, byHeader.Id, i => i.Status == "active", "active")).Stores);
    }

    [Fact]
    public async Task Glance_direct_to_all_stores()
    {
        var data = RandomBytes(4000);
        var image = await CreateRawImageAsync("direct-all");
        await Owner.StageImageDataAsync(image.Id, new MemoryStream(data));

        await Owner.ImportImageAsync(image.Id, GlanceImportRequest.GlanceDirect() with { AllStores = true, AllStoresMustSucceed = true });

        var active = await WaitForImportAsync(Owner, image.Id, i => i.Status == "active" && i.Locations?.Count == 2, "active in two stores");
        Assert.Equal(["fs1", "fs2"], active.Stores!.Split(',').Order());
        Assert.All(active.Locations!, l => Assert.Equal(data, File.ReadAllBytes(new Uri(l.Url).LocalPath)));
    }

    [Fact]
    public async Task Web_download_fetches_from_a_loopback_server()
    {
        var data = RandomBytes(64_000);
        using var source = new LoopbackFileServer(data);
        var image = await CreateRawImageAsync("web-download");

        await Owner.ImportImageAsync(image.Id, GlanceImportRequest.WebDownload(source.Url));

        var active = await WaitForImportAsync(Owner, image.Id, i => i.Status == "active", "active");
        Assert.Equal(Md5Hex(data), active.Checksum);
        Assert.Equal(Sha512Hex(data), active.OsHashValue);
        Assert.True(source.Requests >= 1);
    }

    [Fact]
    public async Task Copy_image_to_fs2_is_admin_only_then_delete_from_store_removes_that_copy()
    {
        var data = RandomBytes(20_000);
        var image = await CreateActiveImageAsync("copy", data);
        Assert.Equal("fs1", image.Stores);

        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.ImportImageAsync(image.Id, GlanceImportRequest.CopyImage(["fs2"])));

        await Admin.ImportImageAsync(image.Id, GlanceImportRequest.CopyImage(["fs2"]));
        var copied = await WaitForImportAsync(Owner, image.Id, i => i.Stores is "fs1,fs2" or "fs2,fs1", "stored in fs1 and fs2");
        Assert.Equal(2, copied.Locations!.Count);
        var fs2Location = copied.Locations.Single(l => l.Metadata["store"].GetString() == "fs2");
        Assert.Equal(Path.Combine(GlanceServer.StateDir, "images", "fs2"), fs2Location.Metadata["mountpoint"].GetString());
        Assert.Equal(data, await File.ReadAllBytesAsync(new Uri(fs2Location.Url).LocalPath));

        await Owner.DeleteImageFromStoreAsync("fs2", image.Id);
        var after = await Owner.GetImageAsync(image.Id);
        Assert.Equal("fs1", after.Stores);
        Assert.Equal("fs1", Assert.Single(after.Locations!).Metadata["store"].GetString());

        // the last copy cannot be removed from its store
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.DeleteImageFromStoreAsync("fs1", image.Id));
    }

    [Fact]
    public async Task Glance_download_copies_an_image_from_another_region()
    {
        // The dev server's service catalog names itself as region RegionOne's image endpoint.
        var data = RandomBytes(30_000);
        var source = await CreateActiveImageAsync("gd-source", data);
        var target = await CreateRawImageAsync("gd-target");

        await Owner.ImportImageAsync(target.Id, GlanceImportRequest.GlanceDownload(source.Id, "RegionOne", "public"));

        var active = await WaitForImportAsync(Owner, target.Id, i => i.Status == "active", "active");
        Assert.Equal(Md5Hex(data), active.Checksum);
        Assert.Equal("success", Assert.Single((await Owner.GetImageTasksAsync(target.Id)).Tasks).Status);
    }

    [Fact]
    public async Task Import_errors_unknown_method_400_and_missing_formats_409()
    {
        var image = await CreateRawImageAsync("import-errors");
        var unknown = await ExpectErrorAsync(HttpStatusCode.BadRequest, () => Owner.ImportImageAsync(image.Id, new GlanceImportRequest { Method = new GlanceImportMethod { Name = "no-such-method" } }));
        Assert.Contains("no-such-method", unknown.Message);

        var noFormats = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("no-formats"), Visibility = "private" });
        await ExpectErrorAsync(HttpStatusCode.Conflict, () => Owner.ImportImageAsync(noFormats.Id, GlanceImportRequest.WebDownload(new Uri("http://127.0.0.1:1/x"))));
    }
}
