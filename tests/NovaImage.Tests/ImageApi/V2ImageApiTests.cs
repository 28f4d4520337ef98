using NovaImage.TestSupport;

namespace NovaImage.Tests.ImageApi;

/// <summary>The <see cref="IImageApi"/> contract on the real Glance through API v2, plus what only v2 offers.</summary>
public sealed class V2ImageApiTests : ImageApiContractTests
{
    /// <inheritdoc />
    protected override ApiVersion Version => ApiVersion.V2;

    /// <inheritdoc />
    protected override Uri Endpoint => GlanceServer.Endpoint;

    /// <summary>
    /// An <c>api_servers</c> entry copied from a catalog with the version at its end (<c>http://glance:9292/v2</c>)
    /// works, as it does in Nova, whose glanceclient strips the version: no request goes to <c>/v2/v2/...</c>.
    /// </summary>
    [Fact]
    public async Task An_api_servers_entry_ending_in_v2_reaches_the_same_Glance()
    {
        var image = await CreateAsync("versioned-endpoint");
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, Version, new Uri(GlanceServer.Endpoint, "v2/"));

        var shown = await host.Api.GetImageAsync(image.Id);

        Assert.Equal(image.Id, shown.Id);
        Assert.Equal($"/v2/images/{image.Id}", Assert.Single(host.Requests.All).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Tags_are_added_and_removed()
    {
        var image = await CreateAsync("tags");

        await Owner.AddTagAsync(image.Id, "alpha");
        await Owner.AddTagAsync(image.Id, "beta");
        await Owner.RemoveTagAsync(image.Id, "alpha");

        Assert.Equal(["beta"], (await Owner.GetImageAsync(image.Id)).Tags);
    }

    [Fact]
    public async Task A_member_accepts_a_share_and_then_lists_the_image()
    {
        var image = await CreateAsync("accept", ImageVisibility.Shared);
        var member = Client(GlanceIdentity.ProjectB);
        var added = await Owner.AddMemberAsync(image.Id, GlanceIdentity.ProjectB.ProjectId);

        var accepted = await member.SetMemberStatusAsync(image.Id, GlanceIdentity.ProjectB.ProjectId, MemberStatus.Accepted);

        Assert.Equal(MemberStatus.Pending, added.Status);
        Assert.Equal(MemberStatus.Accepted, accepted.Status);
        Assert.Contains(await member.ListImagesAsync(new ImageQuery { Visibility = ImageVisibility.Shared }).ToListAsync(), i => i.Id == image.Id);
    }

    [Fact]
    public async Task Deactivate_and_reactivate_as_admin()
    {
        var image = await CreateAsync("deactivate");
        await Owner.UploadAsync(image.Id, new MemoryStream([1, 2, 3]));
        var admin = Client(GlanceIdentity.Admin);

        await admin.DeactivateAsync(image.Id);
        var deactivated = await Owner.GetImageAsync(image.Id);
        await admin.ReactivateAsync(image.Id);

        Assert.Equal(ImageStatus.Deactivated, deactivated.Status);
        Assert.Equal(ImageStatus.Active, (await Owner.GetImageAsync(image.Id)).Status);
    }

    [Fact]
    public async Task Create_with_tags_and_hidden_flag()
    {
        var image = await Owner.CreateImageAsync(new ImageCreate { Name = "v2-tags-" + Guid.NewGuid().ToString("N"), Tags = ["t1"], OsHidden = true });
        try
        {
            var shown = await Owner.GetImageAsync(image.Id);
            Assert.Equal(["t1"], shown.Tags);
            Assert.True(shown.OsHidden);
        }
        finally
        {
            await Owner.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public async Task The_v1_filters_translate_to_their_v2_forms()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var image = await CreateAsync("changes", properties: new Dictionary<string, string> { ["novaimage_v1filter"] = _marker });

#pragma warning disable CS0618 // the point: a v1 filter on a v2 server
        var listed = await Owner.ListImagesAsync(new ImageQuery
        {
            ChangesSince = before,
            IsPublic = false,
            Properties = new Dictionary<string, string> { ["property-novaimage_v1filter"] = _marker },
        }).ToListAsync();
#pragma warning restore CS0618

        Assert.Equal([image.Id], listed.Select(i => i.Id));
    }

    private readonly string _marker = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Import_is_offered_and_glance_direct_imports_staged_data()
    {
        var image = await CreateAsync("import");

        Assert.True(await Owner.IsFeatureSupportedAsync(GlanceFeature.Import));
        await Owner.StageAsync(image.Id, new MemoryStream([9, 8, 7, 6]));
        await Owner.ImportAsync(image.Id, ImageImport.GlanceDirect());

        var status = ImageStatus.Unknown;
        for (var i = 0; i < 100 && status != ImageStatus.Active; i++)
        {
            await Task.Delay(100);
            status = (await Owner.GetImageAsync(image.Id)).Status;
        }
        Assert.Equal(ImageStatus.Active, status);
    }

    [Fact]
    public async Task A_copy_from_create_fails_before_sending_with_the_v2_alternative()
    {
#pragma warning disable CS0618 // the point: a v1-only field on v2
        var error = await Assert.ThrowsAsync<FeatureNotSupportedException>(() =>
            Owner.CreateImageAsync(new ImageCreate { Name = "copy", CopyFrom = new Uri("http://example.invalid/x.img") }));
#pragma warning restore CS0618

        Assert.Contains("ImportAsync", error.Message);
    }
}
