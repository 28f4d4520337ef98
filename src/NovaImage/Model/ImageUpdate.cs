namespace NovaImage;

/// <summary>
/// A change to an image. Only the fields that are set are changed. Properties are set and removed explicitly;
/// <see cref="ReplaceProperties"/> expresses v1's purge semantics on either version (Nova's <c>remove_props</c>).
/// </summary>
public sealed record ImageUpdate
{
    /// <summary>New name.</summary>
    public string? Name { get; init; }
    /// <summary>New disk format.</summary>
    public string? DiskFormat { get; init; }
    /// <summary>New container format.</summary>
    public string? ContainerFormat { get; init; }
    /// <summary>New visibility.</summary>
    public ImageVisibility? Visibility { get; init; }
    /// <summary>New protected flag.</summary>
    public bool? Protected { get; init; }
    /// <summary>New hidden flag (v2.7+).</summary>
    public bool? OsHidden { get; init; }
    /// <summary>New minimum disk (GiB).</summary>
    public int? MinDisk { get; init; }
    /// <summary>New minimum RAM (MiB).</summary>
    public int? MinRam { get; init; }
    /// <summary>New owner (admin only).</summary>
    public string? Owner { get; init; }
    /// <summary>Properties to add or change.</summary>
    public IReadOnlyDictionary<string, string> SetProperties { get; init; } = new Dictionary<string, string>();
    /// <summary>Properties to remove.</summary>
    public IReadOnlyList<string> RemoveProperties { get; init; } = [];
    /// <summary>When true, every existing property not in <see cref="SetProperties"/> is removed (v1 purge_props).</summary>
    public bool ReplaceProperties { get; init; }
}
