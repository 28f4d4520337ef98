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
    /// <summary>The algorithm of the strongest hash that was verified (e.g. <c>sha512</c> or <c>md5</c>); null when the image has no hash (only its size was checked).</summary>
    public string? VerifiedAlgorithm { get; init; }
    /// <summary>The verified hash (hex).</summary>
    public string? VerifiedHash { get; init; }
    /// <summary>HTTP attempts, including resumes (0 for a direct-store download).</summary>
    public int Attempts { get; init; }
}
