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
    /// <summary>
    /// Refuse an image whose data no hash can verify (no multihash, no md5 checksum, no Content-MD5 from the server)
    /// with <see cref="ImageNotVerifiableException"/> before any byte is written. Off by default, as in Nova, which
    /// downloads such images; <see cref="DownloadResult.Verification"/> then says what was checked.
    /// </summary>
    public bool RequireHash { get; init; }
}
