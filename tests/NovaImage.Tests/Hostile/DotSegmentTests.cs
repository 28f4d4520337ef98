using NovaImage.TestSupport;
using NovaImage.Tests.ImageApi;

namespace NovaImage.Tests.Hostile;

/// <summary>
/// Dot segments where one path segment is expected: `image tag remove ID ..` used to send `DELETE /v2/images/ID/`
/// (System.Uri resolves the `..`), which a path-normalizing proxy hands to Glance as "delete the image". Ids, tags and
/// member ids of "", "." or ".." are refused before anything is sent, and the image is untouched.
/// </summary>
public sealed class DotSegmentTests
{
    public static TheoryData<string> Segments => ["..", ".", ""];

    [Theory]
    [MemberData(nameof(Segments))]
    public async Task A_dot_segment_as_tag_member_or_image_id_is_refused_before_anything_is_sent(string segment)
    {
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);
        var api = host.Api;
        var image = await api.CreateImageAsync(new ImageCreate { Name = "dots-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare", Tags = ["keep"] });
        try
        {
            var sent = host.Requests.All.Count;

            var refusals = new List<InvalidImageRequestException>
            {
                await Assert.ThrowsAsync<InvalidImageRequestException>(() => api.RemoveTagAsync(image.Id, segment)),
                await Assert.ThrowsAsync<InvalidImageRequestException>(() => api.AddTagAsync(image.Id, segment)),
                await Assert.ThrowsAsync<InvalidImageRequestException>(() => api.RemoveMemberAsync(image.Id, segment)),
                await Assert.ThrowsAsync<InvalidImageRequestException>(() => api.SetMemberStatusAsync(image.Id, segment, MemberStatus.Accepted)),
                await Assert.ThrowsAsync<InvalidImageRequestException>(() => api.DeleteImageAsync(segment)),
                await Assert.ThrowsAsync<InvalidImageRequestException>(() => api.GetImageAsync(segment)),
            };

            Assert.Equal(sent, host.Requests.All.Count);
            Assert.All(refusals, e => Assert.Contains("nothing was sent", e.Message, StringComparison.Ordinal));
            var after = await api.GetImageAsync(image.Id);
            Assert.Equal(["keep"], after.Tags);
        }
        finally
        {
            await api.DeleteImageAsync(image.Id);
        }
    }
}
