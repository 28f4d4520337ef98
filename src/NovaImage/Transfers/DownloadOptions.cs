namespace NovaImage;

/// <summary>Options for a download.</summary>
public sealed record DownloadOptions
{
    /// <summary>Receives progress reports.</summary>
    public IProgress<TransferProgress>? Progress { get; init; }
    /// <summary>
    /// Whether to check the md5 <c>checksum</c> as well when the image has a multihash this platform can compute. By
    /// default (null) <see cref="GlanceOptions.VerifyMd5"/> decides, which is false: as glanceclient and Nova do, only the
    /// multihash is verified, and the md5 only when there is no usable multihash. True costs a second hash of every
    /// byte (on another core); false never turns the md5 fallback off.
    /// </summary>
    public bool? VerifyMd5 { get; init; }
    /// <summary>Try the direct-store adapters first (only for file destinations; default true).</summary>
    public bool AllowDirectStore { get; init; } = true;
    /// <summary>
    /// Refuse an image whose data no hash can verify (no multihash, no md5 checksum, no Content-MD5 from the server)
    /// with <see cref="ImageNotVerifiableException"/> before any byte is written. Off by default, as in Nova, which
    /// downloads such images; <see cref="DownloadResult.Verification"/> then says what was checked.
    /// </summary>
    public bool RequireHash { get; init; }
}
