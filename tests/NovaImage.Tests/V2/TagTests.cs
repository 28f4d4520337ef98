using System.Net;
using NovaImage.V2;

namespace NovaImage.Tests.V2;

/// <summary>PUT/DELETE /v2/images/{id}/tags/{tag}.</summary>
public sealed class TagTests : GlanceV2TestBase
{
    [Fact]
    public async Task Add_and_remove_tags()
    {
        var image = await CreateRawImageAsync("tags");
        var tag = Unique("blue");

        await Owner.AddTagAsync(image.Id, tag);
        await Owner.AddTagAsync(image.Id, "with space");
        Assert.Equal(new[] { tag, "with space" }.Order(), (await Owner.GetImageAsync(image.Id)).Tags.Order());
        Assert.Equal(image.Id, Assert.Single((await Owner.ListImagesAsync(tags: [tag])).Images).Id);

        await Owner.RemoveTagAsync(image.Id, tag);
        Assert.Equal(["with space"], (await Owner.GetImageAsync(image.Id)).Tags);
        Assert.Empty((await Owner.ListImagesAsync(tags: [tag])).Images);
    }

    [Fact]
    public async Task Removing_a_missing_tag_is_404()
    {
        var image = await CreateRawImageAsync("tag-missing");

        var error = await ExpectErrorAsync(HttpStatusCode.NotFound, () => Owner.RemoveTagAsync(image.Id, "never-added"));
        Assert.Equal("Not Found", error.Body?.Title);
    }

    [Fact]
    public async Task A_tag_longer_than_255_characters_is_400()
    {
        var image = await CreateRawImageAsync("tag-long");

        var error = await ExpectErrorAsync(HttpStatusCode.BadRequest, () => Owner.AddTagAsync(image.Id, new string('x', 256)));
        Assert.Equal("400 Bad Request", error.Body?.Code);
    }

    [Fact]
    public async Task A_tag_is_refused_to_a_project_that_does_not_own_the_image()
    {
        var image = await CreateRawImageAsync("tag-foreign", visibility: "public", api: Admin);

        await ExpectErrorAsync(HttpStatusCode.Forbidden, () => Owner.AddTagAsync(image.Id, "mine"));
    }
}
