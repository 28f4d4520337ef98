using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>
/// An image record as Glance v2 returns it (<c>GET /v2/images/{id}</c>). Status and visibility stay the
/// server's strings; every key that is not a base field (v2's flat extra properties such as
/// <c>hw_disk_bus</c>, and reserved <c>os_glance_*</c> keys) lands in <see cref="ExtraProperties"/> unchanged.
/// </summary>
public sealed record GlanceImage
{
    /// <summary>The image UUID.</summary>
    public required string Id { get; init; }
    /// <summary>Display name, or null.</summary>
    public string? Name { get; init; }
    /// <summary>queued, saving, active, killed, deleted, pending_delete, deactivated, uploading or importing.</summary>
    public string? Status { get; init; }
    /// <summary>public, community, shared or private.</summary>
    public string? Visibility { get; init; }
    /// <summary>A protected image cannot be deleted.</summary>
    public bool Protected { get; init; }
    /// <summary>Hidden from default lists (v2.7+).</summary>
    public bool OsHidden { get; init; }
    /// <summary>Hex MD5 of the data (legacy).</summary>
    public string? Checksum { get; init; }
    /// <summary>Multihash algorithm, e.g. <c>sha512</c>.</summary>
    public string? OsHashAlgo { get; init; }
    /// <summary>Multihash value (hex).</summary>
    public string? OsHashValue { get; init; }
    /// <summary>The owning project.</summary>
    public string? Owner { get; init; }
    /// <summary>Data size in bytes; null until data is stored.</summary>
    public long? Size { get; init; }
    /// <summary>Virtual disk size in bytes, when known.</summary>
    public long? VirtualSize { get; init; }
    /// <summary>Container format (bare, ovf, ...).</summary>
    public string? ContainerFormat { get; init; }
    /// <summary>Disk format (raw, qcow2, ...).</summary>
    public string? DiskFormat { get; init; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>Last update time.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Minimum RAM in MiB.</summary>
    public int MinRam { get; init; }
    /// <summary>Minimum disk in GiB.</summary>
    public int MinDisk { get; init; }
    /// <summary>Relative URL of the record (<c>/v2/images/{id}</c>).</summary>
    public string? Self { get; init; }
    /// <summary>Relative URL of the data (<c>/v2/images/{id}/file</c>).</summary>
    public string? File { get; init; }
    /// <summary>Relative URL of the schema (<c>/v2/schemas/image</c>).</summary>
    public string? Schema { get; init; }
    /// <summary>Locations with their store metadata (when the server shows multiple locations).</summary>
    public IReadOnlyList<GlanceImageLocation>? Locations { get; init; }
    /// <summary>The best location's URL (when the server shows the direct URL).</summary>
    public string? DirectUrl { get; init; }
    /// <summary>Comma-separated ids of the stores holding the data (multi-store).</summary>
    public string? Stores { get; init; }

    /// <summary>
    /// Every other key of the record, exactly as the server sent it (extra properties are strings). Settable
    /// because System.Text.Json fills extension data through a setter.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtraProperties { get; set; }
}
