using NovaImage.TestSupport;
using NovaImage.Tests.ImageApi;
using NovaImage.Tests.V2;

namespace NovaImage.Tests.Hostile;

/// <summary>
/// Tenancy against the real Glance: another project can neither see nor touch a private image. Glance answers 404 for
/// an image the caller may not see, so every refusal reaches the user as <see cref="ImageNotFoundException"/> naming
/// the image, and the image is checked unchanged afterwards as its owner.
/// </summary>
public sealed class TenancyTests : GlanceV2TestBase, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("novaimage-tenancy-").FullName;

    [Fact]
    public async Task Another_project_can_neither_see_nor_change_a_private_image()
    {
        var data = RandomBytes(10_000);
        await using var owner = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);
        await using var stranger = ImageApiHost.Create(GlanceIdentity.ProjectB, ApiVersion.V2, GlanceServer.Endpoint);
        var tag = Unique("private");
        var created = await owner.Api.CreateImageAsync(new ImageCreate
        {
            Name = Unique("tenancy"), DiskFormat = "raw", ContainerFormat = "bare", Visibility = ImageVisibility.Private, Tags = [tag],
        });
        Track(created.Id);
        await owner.Api.UploadAsync(created.Id, new MemoryStream(data));
        var before = await owner.Api.GetImageAsync(created.Id);
        var id = before.Id;

        await Refused(() => stranger.Api.GetImageAsync(id));
        Assert.Empty(await stranger.Api.ListImagesAsync(new ImageQuery { Tags = [tag] }).ToListAsync());
        Assert.Empty(await stranger.Api.ListImagesAsync(new ImageQuery { Ids = [id] }).ToListAsync());

        var destination = Path.Combine(_scratch, "stolen.raw");
        await Refused(() => stranger.Api.DownloadToFileAsync(id, destination));
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
        var stream = new MemoryStream();
        await Refused(() => stranger.Api.DownloadAsync(id, stream));
        Assert.Equal(0, stream.Length);

        await Refused(() => stranger.Api.UpdateImageAsync(id, new ImageUpdate { Name = "taken", SetProperties = new Dictionary<string, string> { ["owned"] = "yes" } }));
        await Refused(() => stranger.Api.AddTagAsync(id, "taken"));
        await Refused(() => stranger.Api.RemoveTagAsync(id, tag));
        await Refused(() => stranger.Api.UploadAsync(id, new MemoryStream(RandomBytes(100))));
        await Refused(() => stranger.Api.AddMemberAsync(id, GlanceIdentity.ProjectB.ProjectId));
        await Refused(() => stranger.Api.ListMembersAsync(id));
        await Refused(() => stranger.Api.DeleteImageAsync(id));

        var after = await owner.Api.GetImageAsync(id);
        Assert.Equal(
            (before.Name, before.Status, before.Visibility, before.Size, before.Checksum, before.OsHashValue, before.UpdatedAt),
            (after.Name, after.Status, after.Visibility, after.Size, after.Checksum, after.OsHashValue, after.UpdatedAt));
        Assert.Equal([tag], after.Tags);
        Assert.DoesNotContain("owned", after.Properties.Keys);
        var mine = new MemoryStream();
        await owner.Api.DownloadAsync(id, mine);
        Assert.Equal(data, mine.ToArray());
        return;

        // Glance hides what the caller may not see: a 404, typed, naming the image and the server.
        async Task Refused(Func<Task> call)
        {
            var error = await Assert.ThrowsAsync<ImageNotFoundException>(call);
            Assert.Equal(id, error.ImageId);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
            Assert.NotNull(error.Server);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
