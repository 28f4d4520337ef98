namespace NovaImage;

/// <summary>What to create with <see cref="IImageApi.CreateImageAsync"/>.</summary>
public sealed record ImageCreate
{
    /// <summary>Optional UUID to use.</summary>
    public string? Id { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Disk format.</summary>
    public string? DiskFormat { get; init; }
    /// <summary>Container format.</summary>
    public string? ContainerFormat { get; init; }
    /// <summary>Visibility; null takes the server's default (v2: shared). Through v1 only Public / not public exist.</summary>
    public ImageVisibility? Visibility { get; init; }
    /// <summary>Protected flag.</summary>
    public bool? Protected { get; init; }
    /// <summary>Hidden flag (v2.7+).</summary>
    public bool? OsHidden { get; init; }
    /// <summary>Minimum disk in GiB.</summary>
    public int? MinDisk { get; init; }
    /// <summary>Minimum RAM in MiB.</summary>
    public int? MinRam { get; init; }
    /// <summary>Owner (admin only).</summary>
    public string? Owner { get; init; }
    /// <summary>Tags (v2 only; an error through v1).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Free-form properties.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Makes the new image active with no data (size 0) in the same call, as Nova's volume-backed snapshots do
    /// (<c>create</c> with <c>size = 0</c> and no data): v1 creates it with size 0; v2 creates it, then uploads empty
    /// data. v2 needs both formats before data, so a missing one is set as Nova sets it (<c>qcow2</c>, <c>bare</c>).
    /// </summary>
    public bool ActivateEmpty { get; init; }

    /// <summary>v1 <c>x-glance-api-copy-from</c>: the server fetches the data from this URL.</summary>
    [V1Only("Use ImportAsync with ImageImport.WebDownload(uri) (v2 web-download import, with URI filtering).")]
    public Uri? CopyFrom { get; init; }
}
