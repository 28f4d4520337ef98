namespace NovaImage.TestSupport.V1Server;

/// <summary>One image as the v1 server stores it (registry row + data). Guarded by the server's state lock.</summary>
internal sealed class V1ServerImage
{
    public required string Id { get; init; }
    public string? Name { get; set; }
    public string Status { get; set; } = "queued";
    public long Size { get; set; }
    public long? VirtualSize { get; set; }
    public string? DiskFormat { get; set; }
    public string? ContainerFormat { get; set; }
    public int MinDisk { get; set; }
    public int MinRam { get; set; }
    public bool IsPublic { get; set; }
    public bool Protected { get; set; }
    public string? Checksum { get; set; }
    public string? Owner { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public bool Deleted { get; set; }
    /// <summary>External location (write-only on the API, never returned).</summary>
    public string? Location { get; set; }
    /// <summary>Uploaded bytes (null while queued or when the data is at <see cref="Location"/>).</summary>
    public byte[]? Data { get; set; }
    public Dictionary<string, string?> Properties { get; set; } = new(StringComparer.Ordinal);
    public List<V1ServerMember> Members { get; } = [];
}
