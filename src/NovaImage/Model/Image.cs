namespace NovaImage;

/// <summary>
/// One Glance image, whichever API version served it. Fields a version cannot express are null
/// (v1 has no tags, multihash, os_hidden or locations; v2 never returns deleted images).
/// </summary>
public sealed record Image
{
    /// <summary>The image UUID.</summary>
    public required string Id { get; init; }
    /// <summary>Display name (may be null).</summary>
    public string? Name { get; init; }
    /// <summary>Lifecycle status.</summary>
    public ImageStatus Status { get; init; }
    /// <summary>Who may see the image. From v1, <c>is_public=false</c> reads as <see cref="ImageVisibility.Private"/>.</summary>
    public ImageVisibility Visibility { get; init; }
    /// <summary>Owning project.</summary>
    public string? Owner { get; init; }
    /// <summary>Size of the stored data in bytes; null while no data is stored (v1's 0 before an upload finishes reads as null, as v2 reports it).</summary>
    public long? Size { get; init; }
    /// <summary>Virtual (disk) size in bytes, when known.</summary>
    public long? VirtualSize { get; init; }
    /// <summary>Hex MD5 of the data (legacy; may be null on FIPS deployments).</summary>
    public string? Checksum { get; init; }
    /// <summary>Multihash algorithm (e.g. <c>sha512</c>), v2.7+.</summary>
    public string? OsHashAlgo { get; init; }
    /// <summary>Multihash value (hex), v2.7+.</summary>
    public string? OsHashValue { get; init; }
    /// <summary>Disk format (raw, qcow2, ...).</summary>
    public string? DiskFormat { get; init; }
    /// <summary>Container format (bare, ovf, ...).</summary>
    public string? ContainerFormat { get; init; }
    /// <summary>Minimum disk in GiB.</summary>
    public int MinDisk { get; init; }
    /// <summary>Minimum RAM in MiB.</summary>
    public int MinRam { get; init; }
    /// <summary>A protected image cannot be deleted.</summary>
    public bool Protected { get; init; }
    /// <summary>Hidden from default lists (v2.7+).</summary>
    public bool OsHidden { get; init; }
    /// <summary>Creation time (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>Last update time (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>Deletion time (v1 only ever reports deleted images).</summary>
    public DateTimeOffset? DeletedAt { get; init; }
    /// <summary>Whether the image is deleted (always false from v2).</summary>
    public bool Deleted { get; init; }
    /// <summary>Tags (v2 only; empty from v1).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Store locations with their metadata (v2 with <c>show_multiple_locations</c>).</summary>
    public IReadOnlyList<ImageLocation> Locations { get; init; } = [];
    /// <summary>The best location's URL (v2 with <c>show_image_direct_url</c>).</summary>
    public string? DirectUrl { get; init; }
    /// <summary>Comma-separated store ids holding the data (v2 multi-store).</summary>
    public string? Stores { get; init; }
    /// <summary>Free-form properties: v2's flat extra keys, v1's <c>properties</c>. Values are strings.</summary>
    public IReadOnlyDictionary<string, string?> Properties { get; init; } = new Dictionary<string, string?>();
}
