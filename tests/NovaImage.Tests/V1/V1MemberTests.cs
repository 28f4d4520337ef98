using System.Net;
using NovaImage.TestSupport;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>v1 members and shared-images (reference §10): sharing takes effect at once, there is no acceptance step.</summary>
public sealed class V1MemberTests : V1ServerTestBase
{
    private static string ProjectB => GlanceIdentity.ProjectB.ProjectId;
    private static string ProjectC => GlanceIdentity.ProjectC.ProjectId;

    [Fact]
    public async Task Adding_a_member_shares_the_image_immediately_without_acceptance()
    {
        var image = await CreateWithDataAsync(A, Bytes(64), new V1ImageMetadata { Name = "shared" });
        using (var before = await B.GetImageMetadataAsync(image.Id!)) Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        using var added = await A.AddMemberAsync(image.Id!, ProjectB);
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);

        using var list = await B.ListImagesDetailAsync(new Dictionary<string, string>());
        Assert.Equal(["shared"], list.Content!.Images.Select(i => i.Name));
        using var download = await B.DownloadImageAsync(image.Id!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using (var other = await C.GetImageMetadataAsync(image.Id!)) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Members_are_listed_with_can_share_and_set_member_updates_it()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Name = "m" });
        using (await A.AddMemberAsync(image.Id!, ProjectB)) { }
        using var set = await A.SetMemberAsync(image.Id!, ProjectC, new V1MemberRequest { Member = new V1MemberSettings { CanShare = true } });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);

        using var members = await A.ListMembersAsync(image.Id!);
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Equal([new V1Member { MemberId = ProjectB, CanShare = false }, new V1Member { MemberId = ProjectC, CanShare = true }], members.Content!.Members);

        // Adding an existing member without a body keeps its can_share.
        using (await A.AddMemberAsync(image.Id!, ProjectC)) { }
        using var again = await A.ListMembersAsync(image.Id!);
        Assert.True(again.Content!.Members.Single(m => m.MemberId == ProjectC).CanShare);
    }

    [Fact]
    public async Task Replacing_the_member_list_removes_unlisted_members_and_keeps_can_share_unless_given()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Name = "r" });
        using (await A.SetMemberAsync(image.Id!, ProjectB, new V1MemberRequest { Member = new V1MemberSettings { CanShare = true } })) { }
        using (await A.AddMemberAsync(image.Id!, ProjectC)) { }

        using var replaced = await A.ReplaceMembersAsync(image.Id!, new V1MembershipsRequest
        {
            Memberships = [new V1Member { MemberId = ProjectB }, new V1Member { MemberId = "44444444444444444444444444444444" }],
        });
        Assert.Equal(HttpStatusCode.NoContent, replaced.StatusCode);

        using var members = await A.ListMembersAsync(image.Id!);
        Assert.Equal(
            [new V1Member { MemberId = ProjectB, CanShare = true }, new V1Member { MemberId = "44444444444444444444444444444444", CanShare = false }],
            members.Content!.Members);
    }

    [Fact]
    public async Task Removing_a_member_unshares_and_removing_a_non_member_is_404()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Name = "x" });
        using (await A.AddMemberAsync(image.Id!, ProjectB)) { }

        using var removed = await A.RemoveMemberAsync(image.Id!, ProjectB);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using (var head = await B.GetImageMetadataAsync(image.Id!)) Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var again = await A.RemoveMemberAsync(image.Id!, ProjectB);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Only_the_owner_an_admin_or_a_member_with_can_share_may_change_members()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Name = "y" });
        using (await A.AddMemberAsync(image.Id!, ProjectB)) { }

        using var byPlainMember = await B.AddMemberAsync(image.Id!, ProjectC);
        Assert.Equal(HttpStatusCode.Forbidden, byPlainMember.StatusCode);

        using (await Admin.SetMemberAsync(image.Id!, ProjectB, new V1MemberRequest { Member = new V1MemberSettings { CanShare = true } })) { }
        using var bySharingMember = await B.AddMemberAsync(image.Id!, ProjectC);
        Assert.Equal(HttpStatusCode.NoContent, bySharingMember.StatusCode);
    }

    [Fact]
    public async Task Malformed_membership_bodies_are_a_bad_request()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Name = "z" });
        using var raw = Raw(GlanceIdentity.ProjectA);
        using var response = await raw.PutAsync($"/v1/images/{image.Id}/members",
            new StringContent("""{"members": []}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Shared_images_lists_what_a_project_was_given_to_itself_and_to_the_owner()
    {
        var first = await CreateAsync(A, new V1ImageMetadata { Name = "one" });
        var second = await CreateAsync(A, new V1ImageMetadata { Name = "two" });
        using (await A.AddMemberAsync(first.Id!, ProjectB)) { }
        using (await A.SetMemberAsync(second.Id!, ProjectB, new V1MemberRequest { Member = new V1MemberSettings { CanShare = true } })) { }

        var expected = new[] { new V1SharedImage { ImageId = first.Id!, CanShare = false }, new V1SharedImage { ImageId = second.Id!, CanShare = true } };
        using var asMember = await B.ListSharedImagesAsync(ProjectB);
        Assert.Equal(HttpStatusCode.OK, asMember.StatusCode);
        Assert.Equal(expected, asMember.Content!.SharedImages);
        using var asOwner = await A.ListSharedImagesAsync(ProjectB);
        Assert.Equal(expected, asOwner.Content!.SharedImages);
        using var asStranger = await C.ListSharedImagesAsync(ProjectB);
        Assert.Empty(asStranger.Content!.SharedImages);
    }

    [Fact]
    public async Task Members_of_an_invisible_or_missing_image_are_404()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Name = "hidden" });
        using var hidden = await C.ListMembersAsync(image.Id!);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var missing = await A.ListMembersAsync(Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
