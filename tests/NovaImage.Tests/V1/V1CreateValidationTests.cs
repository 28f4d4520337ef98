using System.Net;
using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>Field validation on create (reference §3 table, §5) as the v1 server applies it.</summary>
public sealed class V1CreateValidationTests : V1ServerTestBase
{
    protected override V1ServerOptions Options => new() { ImagePropertyQuota = 3 };

    public static TheoryData<string, V1ImageMetadata, HttpStatusCode> Invalid => new()
    {
        { "name over 255", new() { Name = new string('n', 256) }, HttpStatusCode.BadRequest },
        { "id not a UUID", new() { Id = "not-a-uuid" }, HttpStatusCode.BadRequest },
        { "unknown disk_format", new() { DiskFormat = "floppy" }, HttpStatusCode.BadRequest },
        { "unknown container_format", new() { ContainerFormat = "zip" }, HttpStatusCode.BadRequest },
        { "aki with bare", new() { DiskFormat = "aki", ContainerFormat = "bare" }, HttpStatusCode.BadRequest },
        { "checksum over 32", new() { Checksum = new string('a', 33) }, HttpStatusCode.BadRequest },
        { "created_at before 1900", new() { CreatedAt = new DateTimeOffset(1899, 12, 31, 0, 0, 0, TimeSpan.Zero) }, HttpStatusCode.BadRequest },
        { "store not configured", new() { Store = "rbd" }, HttpStatusCode.BadRequest },
        { "read-only store", new() { Store = "http" }, HttpStatusCode.Gone },
        { "public by a non-admin", new() { IsPublic = true }, HttpStatusCode.Forbidden },
        { "over the property quota", new() { Properties = new Dictionary<string, string?> { ["a"] = "1", ["b"] = "2", ["c"] = "3", ["d"] = "4" } }, (HttpStatusCode)413 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_fields_are_refused_with_the_reference_status_and_nothing_is_created(string what, V1ImageMetadata metadata, HttpStatusCode expected)
    {
        using var response = await A.CreateImageAsync(Headers(metadata));
        Assert.True(expected == response.StatusCode, $"{what}: {(int)response.StatusCode}");
        using var all = await Admin.ListImagesDetailAsync(new V1ImageListQuery { IsPublic = V1PublicFilter.All }.ToQueryParameters());
        Assert.Empty(all.Content!.Images);
    }

    [Fact]
    public async Task A_chosen_id_is_used_once_and_a_duplicate_is_a_conflict()
    {
        var id = Guid.NewGuid().ToString();
        Assert.Equal(id, (await CreateAsync(A, new V1ImageMetadata { Id = id })).Id);
        using var duplicate = await A.CreateImageAsync(Headers(new V1ImageMetadata { Id = id }));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task An_aki_format_fills_in_the_missing_other_format()
    {
        var image = await CreateAsync(A, new V1ImageMetadata { DiskFormat = "aki" });
        Assert.Equal("aki", image.ContainerFormat);
    }

    [Fact]
    public async Task Timestamps_are_accepted_on_create_and_ignored_on_update_status_is_ignored_on_create()
    {
        var then = new DateTimeOffset(2016, 3, 15, 15, 9, 7, TimeSpan.Zero);
        var image = await CreateAsync(A, new V1ImageMetadata { CreatedAt = then, Status = "active" });
        Assert.Equal(then, image.CreatedAt);
        Assert.Equal("queued", image.Status);

        using var updated = await A.UpdateImageAsync(image.Id!, Headers(new V1ImageMetadata { CreatedAt = then.AddYears(1) }), purgeProperties: false);
        Assert.Equal(then, updated.Content?.Image?.CreatedAt);
    }

    [Fact]
    public async Task The_v1_media_type_selects_v1_without_a_version_prefix()
    {
        await CreateAsync(A, new V1ImageMetadata { Name = "negotiated" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/images");
        request.Headers.Add("Accept", "application/vnd.openstack.images-v1");
        using var response = await Raw(GlanceIdentity.ProjectA).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"negotiated\"", await response.Content.ReadAsStringAsync());
    }
}
