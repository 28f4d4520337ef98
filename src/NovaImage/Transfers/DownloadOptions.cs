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

    /// <summary>The default of <see cref="GlanceOptions.DownloadParallelism"/>, and so of <see cref="Parallelism"/> (chosen by measurement: 1, 2, 4 and 8 ranges on 1 GiB, quiet and busy, see docs/benchmarks.md).</summary>
    public const int DefaultParallelism = 4;

    /// <summary>Images smaller than this (in bytes) are downloaded as one stream whatever <see cref="Parallelism"/> says.</summary>
    public const long ParallelMinimumImageSize = 256L * 1024 * 1024;

    /// <summary>
    /// How many ranges of the image are fetched at once, each over its own connection, spread over the configured
    /// <c>api_servers</c>. A file download over Glance v2 of an image whose size is known and at least
    /// <see cref="ParallelMinimumImageSize"/> is split into ranges, written in place in the temporary file and
    /// verified in order as they arrive; a broken range is resumed where it stopped, and the destination is still
    /// replaced only once the whole image verified. 1 means one stream. Downloads to a <see cref="Stream"/> (bytes
    /// must reach it in order), to a device or a FIFO, over Glance v1, and of smaller images are one stream, and so is
    /// a download from a server that ignores ranges (it falls back). By default (null)
    /// <see cref="GlanceOptions.DownloadParallelism"/> decides (<c>[glance] download_parallelism</c>), which is
    /// <see cref="DefaultParallelism"/> unless configured; a value given here must be at least 1.
    /// </summary>
    public int? Parallelism { get; init; }

    /// <summary>Bytes per ranged request of a parallel download (tests shrink it to split small images).</summary>
    internal int RangeSize { get; init; } = Transfers.ParallelRangeDownload.DefaultRangeSize;

    /// <summary>The smallest image split into ranges (tests lower it with <see cref="RangeSize"/>).</summary>
    internal long ParallelMinimumSize { get; init; } = ParallelMinimumImageSize;
}
