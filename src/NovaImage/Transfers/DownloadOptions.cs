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

    /// <summary>
    /// Verify the image's signature for this download (null, the default: <see cref="GlanceOptions.VerifyGlanceSignatures"/>).
    /// The signature is checked in the same pass as the hashes, on every path (HTTP, resumed, direct store); a failure
    /// is an <see cref="ImageSignatureException"/> and the destination is left as it was.
    /// </summary>
    public bool? VerifySignature { get; init; }
    /// <summary>
    /// Certificates the signing certificate must chain to (Nova's per-instance trusted certificates). When given, the
    /// signature is verified whatever <see cref="VerifySignature"/> says, as in Nova.
    /// </summary>
    public IReadOnlyList<string>? TrustedCertificateIds { get; init; }
}
