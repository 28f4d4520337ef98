namespace NovaImage.Transfers;

/// <summary>What <see cref="IntegrityVerifier"/> checked once all the data matched (copied into <see cref="DownloadResult"/>).</summary>
/// <param name="Verification">The strongest check that was made.</param>
/// <param name="Algorithm">The algorithm of the strongest verified hash; null when no hash was verified.</param>
/// <param name="Hash">That hash (hex).</param>
/// <param name="UnverifiedAlgorithm">The image's <c>os_hash_algo</c> when it could not be computed here (the md5 was checked instead).</param>
/// <param name="Signature">The signature verified (key type, hash method, certificate), or null when none was.</param>
internal sealed record VerificationOutcome(DownloadVerification Verification, string? Algorithm, string? Hash, string? UnverifiedAlgorithm, string? Signature);
