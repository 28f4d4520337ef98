using NovaImage.V1;

namespace NovaImage.V1;

/// <summary>Glance v1 metadata ↔ the unified model (v1-v2-mapping.md §1, Nova's <c>_extract_attributes</c>).</summary>
internal static class V1ImageMapper
{
    public static Image ToImage(V1ImageMetadata m, string? fallbackId = null)
    {
        var status = GlanceText.ParseStatus(m.Status);
        var deleted = m.Deleted ?? status == ImageStatus.Deleted;
        return new Image
        {
            Id = m.Id ?? fallbackId ?? throw new GlanceServerException("Glance v1 answered an image without an id", new GlanceErrorContext(fallbackId)),
            Name = m.Name,
            Status = status,
            // v1 only knows public or not; "not public" reads as Private (mapping §1 "Visibility").
            Visibility = m.IsPublic == true ? ImageVisibility.Public : ImageVisibility.Private,
            Owner = m.Owner,
            // v1 reports 0 until the upload has stored the data (queued, and saving while the bytes arrive); v2
            // reports null for the same image. The model's null means "not known yet", so 0 reads as null in every
            // status before the data is stored; an active image of 0 bytes keeps its 0.
            Size = m.Size is 0 && status is ImageStatus.Queued or ImageStatus.Saving or ImageStatus.Uploading or ImageStatus.Importing ? null : m.Size,
            VirtualSize = m.VirtualSize,
            // Nova: checksum only for active images.
            Checksum = status == ImageStatus.Active ? m.Checksum : null,
            DiskFormat = m.DiskFormat,
            ContainerFormat = m.ContainerFormat,
            MinDisk = m.MinDisk ?? 0,
            MinRam = m.MinRam ?? 0,
            Protected = m.Protected ?? false,
            CreatedAt = m.CreatedAt,
            UpdatedAt = m.UpdatedAt,
            Deleted = deleted,
            DeletedAt = deleted ? m.DeletedAt : null,
            Properties = new Dictionary<string, string?>(m.Properties, StringComparer.Ordinal),
        };
    }

    /// <summary>v1's is_public for a visibility: public → true; private and shared → false (stored as shared); community has no v1 form.</summary>
    public static bool? ToIsPublic(ImageVisibility? visibility, ImageOperation operation, string? imageId) => visibility switch
    {
        null => null,
        ImageVisibility.Public => true,
        ImageVisibility.Private or ImageVisibility.Shared => false,
        _ => throw new FeatureNotSupportedException(
            $"Glance {operation}: visibility {visibility} cannot be expressed through API v1 (is_public is true or false only)", new GlanceErrorContext(imageId)),
    };

    public static V1ImageMetadata ToMetadata(ImageCreate c)
    {
        if (c.Tags.Count > 0) throw NoV1Form(ImageOperation.Create, c.Id, "tags (add them after switching to v2)");
        if (c.OsHidden == true) throw NoV1Form(ImageOperation.Create, c.Id, "os_hidden");
        return new V1ImageMetadata
        {
            Id = c.Id,
            Name = c.Name,
            DiskFormat = c.DiskFormat,
            ContainerFormat = c.ContainerFormat,
            IsPublic = ToIsPublic(c.Visibility, ImageOperation.Create, c.Id),
            Protected = c.Protected,
            MinDisk = c.MinDisk,
            MinRam = c.MinRam,
            Owner = c.Owner,
            // v1's own form of an active empty image: size 0 on create.
            Size = c.ActivateEmpty ? 0 : null,
            Properties = c.Properties.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal),
        };
    }

    public static ImageMember ToMember(string imageId, V1Member m) => new()
    {
        ImageId = imageId,
        MemberId = m.MemberId,
        // v1 shares without consent: a member is in effect accepted.
        Status = MemberStatus.Accepted,
        CanShare = m.CanShare ?? false,
    };

    public static FeatureNotSupportedException NoV1Form(ImageOperation operation, string? imageId, string what) =>
        new($"Glance {operation}: {what} cannot be expressed through API v1", new GlanceErrorContext(imageId));
}
