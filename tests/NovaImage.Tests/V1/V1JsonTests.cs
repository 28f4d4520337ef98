using System.Text.Json;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>The v1 JSON bodies read through <see cref="GlanceV1JsonContext"/> (source generation, no reflection).</summary>
public sealed class V1JsonTests
{
    [Fact]
    public void A_detail_item_reads_naive_timestamps_as_UTC_and_keeps_properties()
    {
        const string json = """
            {"images": [{"id": "5f2f4c6e-0c4c-4b0e-9d7e-3b0f3f9e6a11", "name": null, "status": "active", "size": 13,
              "virtual_size": null, "disk_format": "raw", "container_format": "bare", "min_disk": 0, "min_ram": 0,
              "is_public": true, "checksum": "abc", "owner": "p", "protected": false,
              "created_at": "2016-03-15T15:09:07.000000", "updated_at": "2016-03-15T15:09:08.123456",
              "deleted_at": null, "deleted": false, "properties": {"os_distro": "cirros", "kernel_id": null}}]}
            """;
        var image = Assert.Single(JsonSerializer.Deserialize(json, GlanceV1JsonContext.Default.V1ImageList)!.Images);

        Assert.Equal(new DateTimeOffset(2016, 3, 15, 15, 9, 7, TimeSpan.Zero), image.CreatedAt);
        Assert.Equal(new DateTimeOffset(2016, 3, 15, 15, 9, 8, TimeSpan.Zero).AddTicks(1_234_560), image.UpdatedAt);
        Assert.Null(image.DeletedAt);
        Assert.True(image.IsPublic);
        Assert.Equal(new Dictionary<string, string?> { ["os_distro"] = "cirros", ["kernel_id"] = null }, image.Properties);
    }

    [Fact]
    public void A_brief_item_without_properties_reads_as_no_properties()
    {
        var image = Assert.Single(JsonSerializer.Deserialize("""{"images": [{"id": "x", "size": 1}]}""", GlanceV1JsonContext.Default.V1ImageList)!.Images);
        Assert.Empty(image.Properties);
    }

    [Fact]
    public void Member_requests_write_the_v1_shapes()
    {
        Assert.Equal("""{"memberships":[{"member_id":"b"},{"member_id":"c","can_share":true}]}""",
            JsonSerializer.Serialize(new V1MembershipsRequest { Memberships = [new V1Member { MemberId = "b" }, new V1Member { MemberId = "c", CanShare = true }] },
                GlanceV1JsonContext.Default.V1MembershipsRequest));
        Assert.Equal("""{"member":{"can_share":false}}""",
            JsonSerializer.Serialize(new V1MemberRequest(), GlanceV1JsonContext.Default.V1MemberRequest));
    }
}
