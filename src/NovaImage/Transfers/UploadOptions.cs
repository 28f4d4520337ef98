namespace NovaImage;

/// <summary>Options for an upload.</summary>
public sealed record UploadOptions
{
    /// <summary>Receives progress reports.</summary>
    public IProgress<TransferProgress>? Progress { get; init; }
    /// <summary>Target store id (v2.8+ multi-store, <c>X-Image-Meta-Store</c>).</summary>
    public string? Store { get; init; }
    /// <summary>Expected size, sent as Content-Length when the stream cannot tell.</summary>
    public long? Size { get; init; }
}
