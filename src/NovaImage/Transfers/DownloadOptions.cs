namespace NovaImage;

/// <summary>Options for a download.</summary>
public sealed record DownloadOptions
{
    /// <summary>Receives progress reports.</summary>
    public IProgress<TransferProgress>? Progress { get; init; }
    /// <summary>Skip MD5 when the image has a multihash (FIPS-friendly).</summary>
    public bool SkipMd5WhenMultihash { get; init; }
    /// <summary>Try the direct-store adapters first (only for file destinations; default true).</summary>
    public bool AllowDirectStore { get; init; } = true;
}
