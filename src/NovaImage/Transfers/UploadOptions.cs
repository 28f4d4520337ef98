namespace NovaImage;

/// <summary>Options for an upload.</summary>
public sealed record UploadOptions
{
    /// <summary>Receives progress reports.</summary>
    public IProgress<TransferProgress>? Progress { get; init; }
    /// <summary>Target store id (v2.8+ multi-store, <c>X-Image-Meta-Store</c>).</summary>
    public string? Store { get; init; }
    /// <summary>
    /// The size of the data (for progress, and v1's <c>x-image-meta-size</c>). A promise: data longer than this fails
    /// with <see cref="ImageIntegrityException"/> before a byte past it is sent. File uploads take the opened file's length.
    /// </summary>
    public long? Size { get; init; }
    /// <summary>
    /// Sign the data and set the four <c>img_signature*</c> properties, so that Glance verifies the upload (and Nova
    /// the download). <see cref="IImageApi.StageAsync"/> signs while the data streams up and sets the properties after
    /// staging, before the import; an upload (<see cref="IImageApi.UploadAsync"/>) needs them before the data, so it
    /// reads a seekable stream once to sign it, then sends it (a non-seekable one is refused: stage and import it).
    /// </summary>
    public ImageSigning? Signing { get; init; }
}
