using System.Net;
using NovaImage.TestSupport;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>PUT /v1/images/{id} metadata updates: purge semantics and the forbidden changes (reference §6).</summary>
public sealed class V1UpdateTests : V1ServerTestBase
{
    private static readonly Dictionary<string, string?> Initial = new() { ["os_distro"] = "cirros", ["hw_disk_bus"] = "virtio" };

    [Fact]
    public async Task Update_without_purge_merges_properties_and_changes_fields()
    {
        var image = await CreateWithDataAsync(A, Bytes(10), new V1ImageMetadata { Name = "before", Properties = Initial });

        using var response = await A.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata
        {
            Name = "after", MinDisk = 2, Protected = true,
            Properties = new Dictionary<string, string?> { ["os_version"] = "0.6" },
        }), purgeProperties: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await HeadAsync(A, image.Id!);
        Assert.Equal("after", shown.Name);
        Assert.Equal(2, shown.MinDisk);
        Assert.True(shown.Protected);
        Assert.Equal(new Dictionary<string, string?> { ["os_distro"] = "cirros", ["hw_disk_bus"] = "virtio", ["os_version"] = "0.6" }, shown.Properties);
        Assert.Equal(shown with { Location = null }, response.Content!.Image! with { Location = null });
    }

    [Fact]
    public async Task Update_with_purge_replaces_the_whole_property_set()
    {
        var image = await CreateWithDataAsync(A, Bytes(10), new V1ImageMetadata { Properties = Initial });

        using var response = await A.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata
        {
            Properties = new Dictionary<string, string?> { ["hw_disk_bus"] = "scsi" },
        }), purgeProperties: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Dictionary<string, string?> { ["hw_disk_bus"] = "scsi" }, (await HeadAsync(A, image.Id!)).Properties);
    }

    [Fact]
    public async Task Without_the_purge_header_the_server_purges_every_property_not_sent()
    {
        var image = await CreateWithDataAsync(A, Bytes(10), new V1ImageMetadata { Properties = Initial });

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/images/{image.Id}");
        request.Headers.Add("x-image-meta-name", "renamed");
        using var response = await Raw(GlanceIdentity.ProjectA).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await HeadAsync(A, image.Id!);
        Assert.Equal("renamed", shown.Name);
        Assert.Empty(shown.Properties);
    }

    [Fact]
    public async Task Uploading_data_to_a_queued_image_never_purges_properties()
    {
        var reserved = await CreateAsync(A, new V1ImageMetadata { DiskFormat = "raw", ContainerFormat = "bare", Properties = Initial });
        using var uploaded = await A.UploadImageAsync(reserved.Id!, Headers(new V1ImageMetadata()), new MemoryStream(Bytes(100)));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(Initial, (await HeadAsync(A, reserved.Id!)).Properties);
    }

    [Fact]
    public async Task Changing_the_status_is_forbidden()
    {
        var reserved = await CreateAsync(A, new V1ImageMetadata { Name = "q" });
        using var response = await A.UpdateImageAsync(reserved.Id!, Headers(new V1ImageMetadata { Status = "active" }), purgeProperties: false);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("queued", (await HeadAsync(A, reserved.Id!)).Status);
    }

    [Fact]
    public async Task A_non_admin_cannot_change_the_size_of_an_active_image_nor_make_it_public()
    {
        var image = await CreateWithDataAsync(A, Bytes(10));
        using var size = await A.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata { Size = 11 }), purgeProperties: false);
        Assert.Equal(HttpStatusCode.Forbidden, size.StatusCode);
        using var publicize = await A.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata { IsPublic = true }), purgeProperties: false);
        Assert.Equal(HttpStatusCode.Forbidden, publicize.StatusCode);

        using var byAdmin = await Admin.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata { IsPublic = true }), purgeProperties: false);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.True((await HeadAsync(C, image.Id!)).IsPublic);
    }

    [Fact]
    public async Task A_non_admins_owner_is_silently_ignored_and_an_admins_is_applied()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Owner = GlanceIdentity.ProjectC.ProjectId });
        Assert.Equal(GlanceIdentity.ProjectA.ProjectId, image.Owner);

        using var response = await Admin.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata { Owner = GlanceIdentity.ProjectB.ProjectId }), purgeProperties: false);
        Assert.Equal(GlanceIdentity.ProjectB.ProjectId, response.Content?.Image?.Owner);
    }

    [Fact]
    public async Task An_unknown_core_header_is_a_bad_request()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { Name = "x" });
        using var response = await A.UpdateImageAsync(image.Id!, new Dictionary<string, string> { ["x-image-meta-colour"] = "red" }, purgeProperties: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bad header", (response.Error as Refit.ApiException)?.Content);
    }

    [Fact]
    public async Task Others_cannot_update_an_image_they_do_not_own()
    {
        var image = await CreateWithDataAsync(A, Bytes(10));
        using var hidden = await C.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata { Name = "mine" }), purgeProperties: false);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        using var shared = await A.AddMemberAsync(image.Id!, GlanceIdentity.ProjectB.ProjectId);
        using var asMember = await B.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata { Name = "mine" }), purgeProperties: false);
        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
    }
}
