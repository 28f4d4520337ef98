using System.Text.Json;

namespace NovaImage.Core;

/// <summary>Reads a Glance versions document (<c>{"versions": [{"id", "status", "links": [{"rel", "href"}]}]}</c>).</summary>
internal static class VersionsDocument
{
    public static IReadOnlyList<ApiVersionInfo> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Array)
            throw new JsonException("The versions document has no 'versions' array.");
        var result = new List<ApiVersionInfo>();
        foreach (var entry in versions.EnumerateArray())
        {
            var id = entry.TryGetProperty("id", out var i) ? i.GetString() : null;
            var status = entry.TryGetProperty("status", out var s) ? s.GetString() : null;
            if (id is null || status is null) continue;
            string? href = null;
            if (entry.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array)
            {
                foreach (var link in links.EnumerateArray())
                {
                    if (link.TryGetProperty("rel", out var rel) && rel.GetString() == "self" && link.TryGetProperty("href", out var h)) href = h.GetString();
                }
            }
            result.Add(new ApiVersionInfo(id, status, href));
        }
        return result;
    }

    /// <summary>CURRENT and SUPPORTED entries are usable; DEPRECATED and EXPERIMENTAL are not chosen.</summary>
    public static bool IsUsable(ApiVersionInfo version) =>
        version.Status.Equals("CURRENT", StringComparison.OrdinalIgnoreCase) || version.Status.Equals("SUPPORTED", StringComparison.OrdinalIgnoreCase);

    /// <summary>The highest usable major among those this client speaks (1, 2), or null.</summary>
    public static ApiVersion? HighestMajor(IReadOnlyList<ApiVersionInfo> versions) =>
        versions.Where(IsUsable).Select(v => v.Major).Where(m => m is 1 or 2).DefaultIfEmpty(0).Max() switch
        {
            2 => ApiVersion.V2,
            1 => ApiVersion.V1,
            _ => null,
        };

    /// <summary>The highest DEPRECATED major among those this client speaks (1, 2), or null (Newton to Queens advertised v1 so).</summary>
    public static ApiVersion? HighestDeprecatedMajor(IReadOnlyList<ApiVersionInfo> versions) =>
        versions.Where(v => v.Status.Equals("DEPRECATED", StringComparison.OrdinalIgnoreCase)).Select(v => v.Major).Where(m => m is 1 or 2).DefaultIfEmpty(0).Max() switch
        {
            2 => ApiVersion.V2,
            1 => ApiVersion.V1,
            _ => null,
        };

    /// <summary>
    /// Whether v2.<paramref name="minor"/> is listed. Glance lists a minor only when the feature it introduced is
    /// configured (2.8-2.13 need multiple stores, 2.14 the image cache), so the entry itself is the advertisement.
    /// </summary>
    public static bool Advertises(IReadOnlyList<ApiVersionInfo> versions, int minor) =>
        versions.Any(v => IsUsable(v) && v.Major == 2 && v.Minor == minor);

    /// <summary>The highest usable v2 minor, or null when v2 is not offered.</summary>
    public static int? HighestV2Minor(IReadOnlyList<ApiVersionInfo> versions) =>
        versions.Where(v => IsUsable(v) && v.Major == 2).Select(v => (int?)v.Minor).Max();
}
