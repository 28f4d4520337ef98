namespace NovaImage;

/// <summary>An interoperable-import request (Glance v2.6+).</summary>
public sealed record ImageImport
{
    /// <summary>glance-direct, web-download, copy-image or glance-download.</summary>
    public required string Method { get; init; }
    /// <summary>web-download: the URL to fetch.</summary>
    public Uri? Uri { get; init; }
    /// <summary>glance-download: the source image id.</summary>
    public string? GlanceImageId { get; init; }
    /// <summary>glance-download: the source region.</summary>
    public string? GlanceRegion { get; init; }
    /// <summary>glance-download: the source service interface.</summary>
    public string? GlanceServiceInterface { get; init; }
    /// <summary>Target stores (multi-store).</summary>
    public IReadOnlyList<string> Stores { get; init; } = [];
    /// <summary>Import to every store.</summary>
    public bool? AllStores { get; init; }
    /// <summary>Fail when one store fails (default true on the server).</summary>
    public bool? AllStoresMustSucceed { get; init; }

    /// <summary>Import staged data.</summary>
    public static ImageImport GlanceDirect() => new() { Method = "glance-direct" };
    /// <summary>Let Glance fetch <paramref name="uri"/>.</summary>
    public static ImageImport WebDownload(Uri uri) => new() { Method = "web-download", Uri = uri };
    /// <summary>Copy an active image to more stores.</summary>
    public static ImageImport CopyImage(params string[] stores) => new() { Method = "copy-image", Stores = stores };
}
