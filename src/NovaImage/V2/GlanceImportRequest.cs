namespace NovaImage.V2;

/// <summary>
/// The body of <c>POST /v2/images/{id}/import</c> (v2.6+). Use the factories for the four methods; null
/// fields are not sent.
/// </summary>
public sealed record GlanceImportRequest
{
    /// <summary>The import method and its arguments.</summary>
    public required GlanceImportMethod Method { get; init; }
    /// <summary>Target stores (multi-store; an unknown id is 409). Not together with <see cref="AllStores"/>.</summary>
    public IReadOnlyList<string>? Stores { get; init; }
    /// <summary>Import to every store.</summary>
    public bool? AllStores { get; init; }
    /// <summary>Fail the import when one store fails (server default true).</summary>
    public bool? AllStoresMustSucceed { get; init; }

    /// <summary>Import the data staged with <c>PUT /v2/images/{id}/stage</c>.</summary>
    public static GlanceImportRequest GlanceDirect(IReadOnlyList<string>? stores = null) =>
        new() { Method = new GlanceImportMethod { Name = GlanceImportMethod.GlanceDirectName }, Stores = stores };

    /// <summary>Let Glance fetch <paramref name="uri"/> (filtered by the server's <c>[import_filtering_opts]</c>).</summary>
    public static GlanceImportRequest WebDownload(Uri uri, IReadOnlyList<string>? stores = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new() { Method = new GlanceImportMethod { Name = GlanceImportMethod.WebDownloadName, Uri = uri.AbsoluteUri }, Stores = stores };
    }

    /// <summary>Copy an active image's data to more stores (admin by default).</summary>
    public static GlanceImportRequest CopyImage(IReadOnlyList<string> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        return new() { Method = new GlanceImportMethod { Name = GlanceImportMethod.CopyImageName }, Stores = stores };
    }

    /// <summary>Copy an image from another region's Glance (Zed+).</summary>
    public static GlanceImportRequest GlanceDownload(string sourceImageId, string sourceRegion, string? serviceInterface = null) =>
        new()
        {
            Method = new GlanceImportMethod
            {
                Name = GlanceImportMethod.GlanceDownloadName,
                GlanceImageId = sourceImageId,
                GlanceRegion = sourceRegion,
                GlanceServiceInterface = serviceInterface,
            },
        };
}
