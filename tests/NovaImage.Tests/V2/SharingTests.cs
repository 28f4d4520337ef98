using System.Net;
using NovaImage.TestSupport;
using NovaImage.V2;

namespace NovaImage.Tests.V2;

/// <summary>Members: the two-project sharing flow, member routes, and what members may not do.</summary>
public sealed class SharingTests : GlanceV2TestBase
{
    private static readonly string B = GlanceIdentity.ProjectB.ProjectId;

    [Fact]
    public async Task Owner_shares_member_accepts_and_downloads_a_third_project_cannot_see_it()
    {
        var tag = Unique("shared");
        var data = RandomBytes(50_000);
        var image = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("share"), DiskFormat = "raw", ContainerFormat = "bare", Visibility = "shared", Tags = [tag] });
        await Owner.UploadImageDataAsync(image.Id, new MemoryStream(data));
        var member = Api(GlanceIdentity.ProjectB);
        var third = Api(GlanceIdentity.ProjectC);

        var added = await Owner.AddMemberAsync(image.Id, new GlanceMemberCreate(B));
        Assert.Equal((image.Id, B, "pending"), (added.ImageId, added.MemberId, added.Status));
        Assert.Equal("/v2/schemas/member", added.Schema);

        // pending: not in the member's default list, but listed with member_status=pending
        Assert.Empty((await member.ListImagesAsync(tags: [tag])).Images);
        Assert.Equal(image.Id, Assert.Single((await member.ListImagesAsync(visibility: "shared", memberStatus: "pending", tags: [tag])).Images).Id);

        var accepted = await member.UpdateMemberStatusAsync(image.Id, B, new GlanceMemberStatusUpdate("accepted"));
        Assert.Equal("accepted", accepted.Status);
        Assert.Equal(image.Id, Assert.Single((await member.ListImagesAsync(tags: [tag])).Images).Id);

        using (var download = await member.DownloadImageDataAsync(image.Id))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var received = new MemoryStream();
            await download.Content!.CopyToAsync(received);
            Assert.Equal(data, received.ToArray());
        }

        // a third project sees nothing of it
        await ExpectErrorAsync(HttpStatusCode.NotFound, () => third.GetImageAsync(image.Id));
        using (var refused = await third.DownloadImageDataAsync(image.Id))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Empty((await third.ListImagesAsync(visibility: "shared", memberStatus: "all", tags: [tag])).Images);
        await ExpectErrorAsync(HttpStatusCode.NotFound, () => third.ListMembersAsync(image.Id));

        // owner sees the member list; the member sees only itself
        var members = await Owner.ListMembersAsync(image.Id);
        Assert.Equal("/v2/schemas/members", members.Schema);
        Assert.Equal((B, "accepted"), (Assert.Single(members.Members).MemberId, members.Members[0].Status));
        Assert.Equal(B, Assert.Single((await member.ListMembersAsync(image.Id)).Members).MemberId);
        Assert.Equal("accepted", (await member.GetMemberAsync(image.Id, B)).Status);

        // the owner stops sharing: the member loses access
        await Owner.RemoveMemberAsync(image.Id, B);
        await ExpectErrorAsync(HttpStatusCode.NotFound, () => member.GetImageAsync(image.Id));
        await ExpectErrorAsync(HttpStatusCode.NotFound, () => Owner.GetMemberAsync(image.Id, B));
    }

    [Fact]
    public async Task A_member_may_not_change_delete_or_reshare_the_image()
    {
        var image = await CreateRawImageAsync("member-limits", visibility: "shared");
        await Owner.AddMemberAsync(image.Id, new GlanceMemberCreate(B));
        var member = Api(GlanceIdentity.ProjectB);
        await member.UpdateMemberStatusAsync(image.Id, B, new GlanceMemberStatusUpdate("accepted"));

        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => member.UpdateImageAsync(image.Id, [GlancePatchOperation.Replace("name", "mine")]));
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => member.DeleteImageAsync(image.Id));
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => member.AddMemberAsync(image.Id, new GlanceMemberCreate(GlanceIdentity.ProjectC.ProjectId)));
        Assert.Equal(image.Name, (await Owner.GetImageAsync(image.Id)).Name);
    }

    [Fact]
    public async Task A_member_can_reject_and_then_no_longer_lists_the_image()
    {
        var tag = Unique("reject");
        var image = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("reject"), Visibility = "shared", Tags = [tag] });
        await Owner.AddMemberAsync(image.Id, new GlanceMemberCreate(B));
        var member = Api(GlanceIdentity.ProjectB);

        Assert.Equal("rejected", (await member.UpdateMemberStatusAsync(image.Id, B, new GlanceMemberStatusUpdate("rejected"))).Status);

        Assert.Empty((await member.ListImagesAsync(tags: [tag])).Images);
        Assert.Single((await member.ListImagesAsync(visibility: "shared", memberStatus: "rejected", tags: [tag])).Images);
    }

    [Fact]
    public async Task Member_errors_duplicate_409_private_image_403()
    {
        var shared = await CreateRawImageAsync("dup-member", visibility: "shared");
        await Owner.AddMemberAsync(shared.Id, new GlanceMemberCreate(B));
        var duplicate = await ExpectErrorAsync(HttpStatusCode.Conflict, () => Owner.AddMemberAsync(shared.Id, new GlanceMemberCreate(B)));
        Assert.Equal("409 Conflict", duplicate.Body?.Code);

        var priv = await CreateRawImageAsync("private-member", visibility: "private");
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.AddMemberAsync(priv.Id, new GlanceMemberCreate(B)));
    }
}
