using System.Text.Json;
using NovaImage.V1;
using NovaImage.V2;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// Nova's <c>TestConversions.test_convert_timestamps_to_datetimes</c>: Glance timestamps are UTC, with or without a
/// zone, whichever API version served them. Run with the process in a zone far from UTC, where reading a zone-less
/// time as local time would be visible.
/// </summary>
[Collection(ProcessTimeZoneCollection.Name)]
public sealed class TimestampZoneTests : IDisposable
{
    private readonly string? _tz = Environment.GetEnvironmentVariable("TZ");

    public TimestampZoneTests()
    {
        Environment.SetEnvironmentVariable("TZ", "Asia/Tokyo");
        TimeZoneInfo.ClearCachedData();
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _tz);
        TimeZoneInfo.ClearCachedData();
    }

    [Fact]
    public void A_v2_timestamp_without_a_zone_is_UTC_as_through_v1()
    {
        Assert.Equal(TimeSpan.FromHours(9), TimeZoneInfo.Local.BaseUtcOffset); // the zone change took effect
        var expected = new DateTimeOffset(2015, 9, 1, 22, 37, 32, TimeSpan.Zero);

        var v2 = JsonSerializer.Deserialize("""
            {"id": "885d1cb0", "created_at": "2015-09-01T22:37:32", "updated_at": "2015-09-01T22:37:32Z"}
            """, GlanceV2JsonContext.Default.GlanceImage)!;
        var v1 = JsonSerializer.Deserialize("""
            {"images": [{"id": "885d1cb0", "created_at": "2015-09-01T22:37:32.000000"}]}
            """, GlanceV1JsonContext.Default.V1ImageList)!.Images[0];

        Assert.Equal(expected, v2.CreatedAt);
        Assert.Equal(TimeSpan.Zero, v2.CreatedAt!.Value.Offset);
        Assert.Equal(expected, v2.UpdatedAt);
        Assert.Equal(v1.CreatedAt, v2.CreatedAt);
    }
}
