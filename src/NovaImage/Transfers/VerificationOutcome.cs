namespace NovaImage.Transfers;

/// <summary>What <see cref="IntegrityVerifier"/> checked once all the data matched (copied into <see cref="DownloadResult"/>).</summary>
/// <param name="Verification">The strongest check that was made.</param>
/// <param name="Algorithm">The algorithm of the strongest verified hash; null when no hash was verified.</param>
/// <param name="Hash">That hash (hex).</param>
/// <param name="Algorithms">Every verified hash's algorithm, the strongest first (e.g. <c>sha512</c>, or <c>sha512</c> and <c>md5</c>).</param>
/// <param name="UnverifiedAlgorithm">The image's <c>os_hash_algo</c> when it could not be computed here (the md5 was checked instead).</param>
internal sealed record VerificationOutcome(
    DownloadVerification Verification, string? Algorithm, string? Hash, IReadOnlyList<string> Algorithms, string? UnverifiedAlgorithm);
