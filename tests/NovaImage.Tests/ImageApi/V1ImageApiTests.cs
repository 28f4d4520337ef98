using NovaImage.TestSupport;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// The <see cref="IImageApi"/> contract through API v1, against the faithful v1 test server, plus v1's limits:
/// what has no v1 form fails with <see cref="FeatureNotSupportedException"/> before anything is sent.
/// </summary>
public sealed class V1ImageApiTests(V1ServerFixture fixture) : ImageApiContractTests, IClassFixture<V1ServerFixture>
{
    /// <inheritdoc />
    protected override ApiVersion Version => ApiVersion.V1;

    /// <inheritdoc />
    protected override Uri Endpoint => fixture.Server.Endpoint;

    private async Task AssertNothingSentAsync(Func<Task> call, string expected)
    {
        var before = fixture.Server.RequestCount;
        var error = await Assert.ThrowsAsync<FeatureNotSupportedException>(call);
        Assert.Contains(expected, error.Message);
        Assert.Equal(before, fixture.Server.RequestCount);
    }

    [Fact]
    public async Task Operations_v1_does_not_have_fail_with_the_typed_error_before_sending()
    {
        var image = await CreateAsync("v1only");

        await AssertNothingSentAsync(() => Owner.AddTagAsync(image.Id, "t"), "AddTag");
        await AssertNothingSentAsync(() => Owner.RemoveTagAsync(image.Id, "t"), "RemoveTag");
        await AssertNothingSentAsync(() => Owner.ImportAsync(image.Id, ImageImport.GlanceDirect()), "Import");
        await AssertNothingSentAsync(() => Owner.StageAsync(image.Id, new MemoryStream([1])), "Stage");
        await AssertNothingSentAsync(() => Owner.DeactivateAsync(image.Id), "Deactivate");
        await AssertNothingSentAsync(() => Owner.ReactivateAsync(image.Id), "Reactivate");
        await AssertNothingSentAsync(() => Owner.SetMemberStatusAsync(image.Id, GlanceIdentity.ProjectB.ProjectId, MemberStatus.Accepted), "SetMemberStatus");
    }

    [Fact]
    public async Task Fields_and_filters_without_a_v1_form_fail_before_sending()
    {
        var image = await CreateAsync("v1fields");

        await AssertNothingSentAsync(() => Owner.CreateImageAsync(new ImageCreate { Name = "x", Tags = ["t"] }), "tags");
        await AssertNothingSentAsync(() => Owner.CreateImageAsync(new ImageCreate { Name = "x", Visibility = ImageVisibility.Community }), "Community");
        await AssertNothingSentAsync(() => Owner.UpdateImageAsync(image.Id, new ImageUpdate { OsHidden = true }), "os_hidden");
        await AssertNothingSentAsync(() => Owner.ListImagesAsync(new ImageQuery { Ids = [image.Id] }).ToListAsync().AsTask(), "id filter");
        await AssertNothingSentAsync(() => Owner.ListImagesAsync(new ImageQuery { Tags = ["t"] }).ToListAsync().AsTask(), "tag filter");
        await AssertNothingSentAsync(() => Owner.UploadAsync(image.Id, new MemoryStream([1]), new UploadOptions { Store = "fs1" }), "store");
        Assert.False(await Owner.IsFeatureSupportedAsync(GlanceFeature.Import));
    }

    [Fact]
    public async Task A_v1_share_needs_no_acceptance()
    {
        var image = await CreateAsync("v1share");

        var member = await Owner.AddMemberAsync(image.Id, GlanceIdentity.ProjectB.ProjectId);

        Assert.Equal(MemberStatus.Accepted, member.Status);
        Assert.Equal(image.Id, (await Client(GlanceIdentity.ProjectB).GetImageAsync(image.Id)).Id);
    }

    [Fact]
    public async Task Updates_always_send_the_purge_header_explicitly()
    {
        var image = await CreateAsync("v1purge", properties: new Dictionary<string, string> { ["a"] = "1" });
        var before = fixture.Server.Requests.Count;

        await Owner.UpdateImageAsync(image.Id, new ImageUpdate { Name = "renamed" });

        // v1 purges the properties when the header is absent; the client never relies on that default.
        Assert.Equal("1", (await Owner.GetImageAsync(image.Id)).Properties["a"]);
        Assert.Contains(fixture.Server.Requests.Skip(before), r => r.StartsWith("PUT /v1/images/" + image.Id, StringComparison.Ordinal));
    }
}
