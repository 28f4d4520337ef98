using System.Net;
using NovaImage.TestSupport;
using NovaImage.V2;
using Refit;

namespace NovaImage.Tests.V2;

/// <summary>Error statuses from the real Glance, with the JSON error body and request id read from the ApiException.</summary>
public sealed class ErrorTests : GlanceV2TestBase
{
    [Fact]
    public async Task Without_a_token_every_call_is_401()
    {
        var anonymous = GlanceV2Client.Create(HttpFor(identity: null));

        var error = await ExpectErrorAsync(HttpStatusCode.Unauthorized, () => anonymous.ListImagesAsync());
        Assert.Equal("401 Unauthorized", error.Body?.Code);
        Assert.Equal("Unauthorized", error.Body?.Title);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Missing_image_is_404_with_message_and_request_id()
    {
        var id = Guid.NewGuid().ToString();

        var error = await ExpectErrorAsync(HttpStatusCode.NotFound, () => Owner.GetImageAsync(id));

        Assert.Equal(("404 Not Found", "Not Found"), (error.Body?.Code, error.Body?.Title));
        Assert.Equal($"No image found with ID {id}", error.Message);
        Assert.StartsWith("req-", error.RequestId);
        Assert.EndsWith($"/v2/images/{id}", error.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task Schema_violation_is_400()
    {
        var error = await ExpectErrorAsync(HttpStatusCode.BadRequest, () => CreateImageAsync(Owner, new GlanceImageCreate
        {
            Name = Unique("bad-format"),
            DiskFormat = "not-a-format",
        }));
        Assert.Contains("not-a-format", error.Message);
    }

    [Fact]
    public async Task Admin_only_actions_are_403_for_a_member()
    {
        var image = await CreateActiveImageAsync("admin-only", RandomBytes(100));

        var publicize = await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.UpdateImageAsync(image.Id, [GlancePatchOperation.Replace("visibility", "public")]));
        Assert.Equal("403 Forbidden", publicize.Body?.Code);
        // (deactivate is not among them here: Zed's legacy policy lets the owner deactivate its own image)
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.UpdateImageAsync(image.Id, [GlancePatchOperation.Replace("owner", GlanceIdentity.ProjectB.ProjectId)]));
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("public"), Visibility = "public" }));
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("foreign"), Owner = GlanceIdentity.ProjectB.ProjectId }));
        Assert.Equal("active", (await Owner.GetImageAsync(image.Id)).Status);
    }

    [Fact]
    public async Task Read_only_fields_are_403()
    {
        var image = await CreateRawImageAsync("readonly");

        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.UpdateImageAsync(image.Id, [GlancePatchOperation.Replace("checksum", "00")]));
        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.UpdateImageAsync(image.Id, [GlancePatchOperation.Remove("name")]));
    }

    [Fact]
    public async Task Protected_image_delete_is_403_and_the_image_stays()
    {
        var image = await CreateImageAsync(Owner, new GlanceImageCreate { Name = Unique("protected"), Protected = true, Visibility = "private" });

        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.DeleteImageAsync(image.Id));
        Assert.True((await Owner.GetImageAsync(image.Id)).Protected);
    }

    [Fact]
    public async Task Conflicts_are_409_second_upload_duplicate_id_missing_property()
    {
        var image = await CreateActiveImageAsync("conflict", RandomBytes(100));

        var reupload = await ExpectErrorAsync(HttpStatusCode.Conflict, () => Owner.UploadImageDataAsync(image.Id, new MemoryStream(RandomBytes(100))));
        Assert.Equal("409 Conflict", reupload.Body?.Code);
        await ExpectErrorAsync(HttpStatusCode.Conflict, () => CreateImageAsync(Owner, new GlanceImageCreate { Id = image.Id, Name = Unique("dup") }));
        await ExpectErrorAsync(HttpStatusCode.Conflict, () => Owner.UpdateImageAsync(image.Id, [GlancePatchOperation.Remove("no_such_property")]));
        Assert.Equal(100, (await Owner.GetImageAsync(image.Id)).Size);
    }

    [Fact]
    public async Task Over_the_tag_quota_is_413_and_nothing_is_created()
    {
        // Glance's default image_tag_quota is 128 (the dev server keeps it): 129 tags in one create exceed it.
        var name = Unique("quota");
        var tags = Enumerable.Range(0, 129).Select(i => $"t{i}").ToArray();

        var error = await ExpectErrorAsync(HttpStatusCode.RequestEntityTooLarge, () => CreateImageAsync(Owner, new GlanceImageCreate { Name = name, Tags = tags, Visibility = "private" }));

        Assert.Equal("413 Request Entity Too Large", error.Body?.Code);
        Assert.Contains("Maximum: 128", error.Message);
        Assert.Empty((await Owner.ListImagesAsync(name: GlanceListFilter.Equal(name))).Images);
    }

    [Fact]
    public async Task Error_from_a_streamed_response_is_available_through_EnsureSuccessStatusCodeAsync()
    {
        using var response = await Owner.DownloadImageDataAsync(Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var exception = await Assert.ThrowsAsync<ApiException>(async () => await response.EnsureSuccessStatusCodeAsync());
        Assert.Equal("404 Not Found", GlanceApiError.FromApiException(exception).Body?.Code);
    }
}
