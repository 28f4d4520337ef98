using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>
/// Glance v1 image metadata as it travels on the wire: the core <c>x-image-meta-*</c> fields plus the custom
/// <c>x-image-meta-property-*</c> properties (headers on HEAD/GET/POST/PUT, and the same fields in the JSON of
/// list, create and update responses). Enumerations (status, formats) stay strings, exactly as the server sent
/// them; translating them to <see cref="Image"/> is the job of the version-neutral client.
/// </summary>
/// <remarks>
/// A JSON body without <c>properties</c> (the brief list) reads as no properties, never null.
/// In a request, a null field is not sent (the server keeps its value). Only the fields a v1 server accepts
/// from clients are sent: <see cref="Location"/>, <see cref="Store"/> and the timestamps are write-only or
/// create-only there (see the reference, §3).
/// </remarks>
public sealed record V1ImageMetadata
{
    /// <summary>The image UUID (settable on create only).</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>Name (at most 255 characters on the server).</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>Status as the server reports it (queued, saving, active, killed, deleted, pending_delete, deactivated, ...). Read-only.</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }
    /// <summary>Size in bytes (on create: the expected size; <c>0</c> creates an active empty image).</summary>
    [JsonPropertyName("size")] public long? Size { get; init; }
    /// <summary>Virtual size in bytes (the header carries <c>None</c> when unknown).</summary>
    [JsonPropertyName("virtual_size")] public long? VirtualSize { get; init; }
    /// <summary>Disk format (raw, qcow2, ...).</summary>
    [JsonPropertyName("disk_format")] public string? DiskFormat { get; init; }
    /// <summary>Container format (bare, ovf, ...).</summary>
    [JsonPropertyName("container_format")] public string? ContainerFormat { get; init; }
    /// <summary>Minimum disk in GiB.</summary>
    [JsonPropertyName("min_disk")] public int? MinDisk { get; init; }
    /// <summary>Minimum RAM in MiB.</summary>
    [JsonPropertyName("min_ram")] public int? MinRam { get; init; }
    /// <summary>Whether everyone sees the image (setting true needs the <c>publicize_image</c> policy).</summary>
    [JsonPropertyName("is_public")] public bool? IsPublic { get; init; }
    /// <summary>A protected image cannot be deleted.</summary>
    [JsonPropertyName("protected")] public bool? Protected { get; init; }
    /// <summary>Hex MD5 of the data (settable on create; the server verifies it against uploaded data).</summary>
    [JsonPropertyName("checksum")] public string? Checksum { get; init; }
    /// <summary>Owning project (only admins may set it; other callers' values are ignored by the server).</summary>
    [JsonPropertyName("owner")] public string? Owner { get; init; }
    /// <summary>Creation time (UTC; accepted on create, ignored on update).</summary>
    [JsonPropertyName("created_at"), JsonConverter(typeof(V1TimestampJsonConverter))] public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>Last update time (UTC).</summary>
    [JsonPropertyName("updated_at"), JsonConverter(typeof(V1TimestampJsonConverter))] public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>Deletion time (UTC), only for deleted images.</summary>
    [JsonPropertyName("deleted_at"), JsonConverter(typeof(V1TimestampJsonConverter))] public DateTimeOffset? DeletedAt { get; init; }
    /// <summary>Whether the image is deleted (admins and <c>changes-since</c> lists see deleted images).</summary>
    [JsonPropertyName("deleted")] public bool? Deleted { get; init; }
    /// <summary>Write-only: an external location of the data (create, or update while queued). Never returned.</summary>
    [JsonPropertyName("location")] public string? Location { get; init; }
    /// <summary>Write-only: the store scheme to upload the data to (<c>file</c>, <c>rbd</c>, ...).</summary>
    [JsonPropertyName("store")] public string? Store { get; init; }

    /// <summary>
    /// Custom properties (<c>x-image-meta-property-&lt;key&gt;</c>, JSON <c>properties</c>). Keys are lower case
    /// header tokens without <c>-</c>; a null value travels as an empty header (the server stores null).
    /// </summary>
    [JsonPropertyName("properties")]
    public IReadOnlyDictionary<string, string?> Properties { get; init => field = value ?? new Dictionary<string, string?>(); } = new Dictionary<string, string?>();

    /// <summary>Field-by-field equality, properties compared as sets of key/value pairs (ordinal).</summary>
    public bool Equals(V1ImageMetadata? other) =>
        other is not null
        && Id == other.Id && Name == other.Name && Status == other.Status && Size == other.Size
        && VirtualSize == other.VirtualSize && DiskFormat == other.DiskFormat && ContainerFormat == other.ContainerFormat
        && MinDisk == other.MinDisk && MinRam == other.MinRam && IsPublic == other.IsPublic && Protected == other.Protected
        && Checksum == other.Checksum && Owner == other.Owner && CreatedAt == other.CreatedAt && UpdatedAt == other.UpdatedAt
        && DeletedAt == other.DeletedAt && Deleted == other.Deleted && Location == other.Location && Store == other.Store
        && Properties.Count == other.Properties.Count
        && Properties.All(p => other.Properties.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Status, Size, Checksum, Properties.Count);
}
