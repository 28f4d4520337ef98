using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>
/// The body of <c>POST /v2/images</c>. Unset (null) fields are not sent, so the server's defaults apply
/// (e.g. visibility <c>shared</c>). Extra properties are flat keys whose values must be JSON strings
/// (<see cref="GlanceExtraProperties.FromStrings"/> builds them).
/// </summary>
public sealed record GlanceImageCreate
{
    /// <summary>The UUID to give the image (optional; a duplicate is 409).</summary>
    public string? Id { get; init; }
    /// <summary>Display name.</summary>
    public string? Name { get; init; }
    /// <summary>public (admin), community, shared or private.</summary>
    public string? Visibility { get; init; }
    /// <summary>Protect against deletion.</summary>
    public bool? Protected { get; init; }
    /// <summary>Hide from default lists.</summary>
    public bool? OsHidden { get; init; }
    /// <summary>Minimum RAM in MiB.</summary>
    public int? MinRam { get; init; }
    /// <summary>Minimum disk in GiB.</summary>
    public int? MinDisk { get; init; }
    /// <summary>Disk format (must be set before data is uploaded).</summary>
    public string? DiskFormat { get; init; }
    /// <summary>Container format (must be set before data is uploaded).</summary>
    public string? ContainerFormat { get; init; }
    /// <summary>Tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>Owning project (admin only when it is not the caller's).</summary>
    public string? Owner { get; init; }

    /// <summary>Extra properties, sent as flat top-level keys.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtraProperties { get; set; }
}
