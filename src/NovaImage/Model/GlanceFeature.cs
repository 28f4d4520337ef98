namespace NovaImage;

/// <summary>
/// Glance v2 features that need a minor version (and sometimes server configuration). The client checks the
/// versions document, probes where the advertisement is only a hint, and raises
/// <see cref="FeatureNotSupportedException"/> instead of letting a call end in HTTP 404.
/// </summary>
public enum GlanceFeature
{
    /// <summary>Interoperable import: stage, import, import methods (v2.6; probed at <c>/v2/info/import</c>).</summary>
    Import,
    /// <summary>Multiple stores: <c>X-Image-Meta-Store</c>, import to stores (v2.8; probed at <c>/v2/info/stores</c>).</summary>
    MultiStore,
    /// <summary>Delete an image's data from one store (v2.10; needs multiple stores).</summary>
    DeleteFromStore,
    /// <summary>An image's import tasks (v2.12).</summary>
    ImageTasks,
    /// <summary>Quota usage (v2.13; probed at <c>/v2/info/usage</c>).</summary>
    Usage,
    /// <summary>The cache API (v2.14; only when the server runs the image cache, probed at <c>/v2/cache</c>).</summary>
    Cache,
}
