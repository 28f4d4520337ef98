namespace NovaImage;

/// <summary>What a finished (verified) download did.</summary>
public sealed record DownloadResult
{
    /// <summary>The image.</summary>
    public required string ImageId { get; init; }
    /// <summary>Bytes written.</summary>
    public long Bytes { get; init; }
    /// <summary>Direct store or HTTP.</summary>
    public DownloadPath Path { get; init; }
    /// <summary>Why this path was used (e.g. which adapter, or why the direct path was refused).</summary>
    public string Reason { get; init; } = "";
    /// <summary>The location URL copied from, for a direct-store download.</summary>
    public string? SourceLocation { get; init; }
    /// <summary>The Glance endpoint that served the last (successful) HTTP attempt; null for a direct-store download.</summary>
    public Uri? Server { get; init; }
    /// <summary>
    /// What the data was checked against. <see cref="DownloadVerification.SizeOnly"/> and
    /// <see cref="DownloadVerification.Nothing"/> mean the bytes were not verified: the image has no hash.
    /// </summary>
    public DownloadVerification Verification { get; init; }
    /// <summary>
    /// The image's <c>os_hash_algo</c> when this platform cannot compute it (e.g. <c>blake2b</c>): its
    /// <c>os_hash_value</c> was not checked, the md5 checksum was (see <see cref="Transfers.GlanceHashAlgorithms.Supported"/>).
    /// Null when the multihash was verified or the image has none.
    /// </summary>
    public string? UnverifiedAlgorithm { get; init; }
    /// <summary>The algorithm of the strongest hash that was verified (e.g. <c>sha512</c> or <c>md5</c>); null when no hash was verified (see <see cref="Verification"/>).</summary>
    public string? VerifiedAlgorithm { get; init; }
    /// <summary>
    /// Every hash that was verified, the strongest first: the multihash alone by default (e.g. <c>sha512</c>), the
    /// multihash and <c>md5</c> when <see cref="DownloadOptions.VerifyMd5"/> asked for both, <c>md5</c> alone when the
    /// image has no usable multihash; empty when no hash was verified.
    /// </summary>
    public IReadOnlyList<string> VerifiedAlgorithms { get; init; } = [];
    /// <summary>The verified hash (hex).</summary>
    public string? VerifiedHash { get; init; }
    /// <summary>
    /// The image signature that was verified, e.g. <c>RSA-PSS signature over SHA-256 (certificate ...)</c>; null when
    /// the signature was not verified (see <see cref="DownloadOptions.VerifySignature"/>).
    /// </summary>
    public string? VerifiedSignature { get; init; }
    /// <summary>HTTP attempts, including resumes (0 for a direct-store download).</summary>
    public int Attempts { get; init; }
}
