using System.Text.Json;
using NovaImage.V2;

namespace NovaImage.V2;

/// <summary>Glance v2 records ↔ the unified model (v1-v2-mapping.md §1).</summary>
internal static class V2ImageMapper
{
    public static Image ToImage(GlanceImage g) => new()
    {
        Id = g.Id,
        Name = g.Name,
        Status = GlanceText.ParseStatus(g.Status),
        Visibility = GlanceText.ParseVisibility(g.Visibility),
        Owner = g.Owner,
        Size = g.Size,
        VirtualSize = g.VirtualSize,
        Checksum = g.Checksum,
        OsHashAlgo = g.OsHashAlgo,
        OsHashValue = g.OsHashValue,
        DiskFormat = g.DiskFormat,
        ContainerFormat = g.ContainerFormat,
        MinDisk = g.MinDisk,
        MinRam = g.MinRam,
        Protected = g.Protected,
        OsHidden = g.OsHidden,
        CreatedAt = g.CreatedAt,
        UpdatedAt = g.UpdatedAt,
        // v2 never returns deleted images (mapping §1 "Deleted").
        Deleted = false,
        DeletedAt = null,
        // A server can send null (or, through the source-generated reader, omit) what the model declares non-null:
        // read those as empty, and drop a location that has no URL, so no consumer meets a null it was promised not to.
        Tags = g.Tags ?? [],
        Locations = g.Locations?.Where(l => l?.Url is not null).Select(l => new ImageLocation(l.Url, Strings(l.Metadata ?? []))).ToList() ?? [],
        DirectUrl = g.DirectUrl,
        Stores = g.Stores,
        // Everything the image schema does not call a base field arrives as extension data: the free-form properties.
        Properties = GlanceExtraProperties.ToStrings(g.ExtraProperties),
    };

    public static ImageMember ToMember(GlanceImageMember m) => new()
    {
        ImageId = m.ImageId,
        MemberId = m.MemberId,
        Status = GlanceText.ParseMemberStatus(m.Status),
        CreatedAt = m.CreatedAt,
        UpdatedAt = m.UpdatedAt,
    };

    public static GlanceImageCreate ToCreate(ImageCreate c) => new()
    {
        Id = c.Id,
        Name = c.Name,
        Visibility = c.Visibility is { } v ? GlanceText.Format(v) : null,
        Protected = c.Protected,
        OsHidden = c.OsHidden,
        MinDisk = c.MinDisk,
        MinRam = c.MinRam,
        DiskFormat = c.DiskFormat,
        ContainerFormat = c.ContainerFormat,
        Tags = c.Tags.Count == 0 ? null : c.Tags,
        Owner = c.Owner,
        ExtraProperties = c.Properties.Count == 0 ? null : GlanceExtraProperties.FromStrings(c.Properties.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))),
    };

    public static GlanceImportRequest ToImport(ImageImport i) => new()
    {
        Method = new GlanceImportMethod
        {
            Name = i.Method,
            Uri = i.Uri?.AbsoluteUri,
            GlanceImageId = i.GlanceImageId,
            GlanceRegion = i.GlanceRegion,
            GlanceServiceInterface = i.GlanceServiceInterface,
        },
        Stores = i.Stores.Count == 0 ? null : i.Stores,
        AllStores = i.AllStores,
        AllStoresMustSucceed = i.AllStoresMustSucceed,
    };

    private static Dictionary<string, string> Strings(Dictionary<string, JsonElement> metadata) =>
        metadata.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);

    public static ImageStore ToStore(GlanceStore store) => new(store.Id, store.Description, store.Default, store.ReadOnly);
}
