namespace NovaImage.V2;

/// <summary>The <c>method</c> object of an import request.</summary>
public sealed record GlanceImportMethod
{
    /// <summary><c>glance-direct</c>.</summary>
    public const string GlanceDirectName = "glance-direct";
    /// <summary><c>web-download</c>.</summary>
    public const string WebDownloadName = "web-download";
    /// <summary><c>copy-image</c>.</summary>
    public const string CopyImageName = "copy-image";
    /// <summary><c>glance-download</c>.</summary>
    public const string GlanceDownloadName = "glance-download";

    /// <summary>The method name.</summary>
    public required string Name { get; init; }
    /// <summary>web-download: the URL Glance fetches.</summary>
    public string? Uri { get; init; }
    /// <summary>glance-download: the source image id.</summary>
    public string? GlanceImageId { get; init; }
    /// <summary>glance-download: the source region.</summary>
    public string? GlanceRegion { get; init; }
    /// <summary>glance-download: the source endpoint interface (public, internal, admin).</summary>
    public string? GlanceServiceInterface { get; init; }
}
