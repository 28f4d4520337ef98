using System.Security.Cryptography;

namespace NovaImage.Transfers;

/// <summary>
/// Maps Glance's <c>os_hash_algo</c> names (Python <c>hashlib</c> names, which Glance's <c>hashing_algorithm</c>
/// accepts) to .NET incremental hashes.
/// </summary>
/// <remarks>
/// hashlib's guaranteed set is md5, sha1, sha224, sha256, sha384, sha512, sha3_224, sha3_256, sha3_384, sha3_512,
/// shake_128, shake_256, blake2b and blake2s. The shake variants cannot produce a <c>hexdigest()</c> without a
/// length, so Glance cannot store them. .NET has no sha224, sha3_224 or blake2: images hashed with those are
/// verified by their md5 <c>checksum</c> when allowed, else refused (see <see cref="ImageDownloader"/>).
/// </remarks>
internal static class GlanceHashAlgorithms
{
    /// <summary>The <c>os_hash_algo</c> names this platform can verify (sha3_* only where the OS crypto library has SHA-3).</summary>
    public static IReadOnlyList<string> Supported { get; } = BuildSupported();

    /// <summary>Whether <paramref name="algorithm"/> (a hashlib name, case-insensitive) can be verified here.</summary>
    public static bool IsSupported(string algorithm) => TryGetName(algorithm, out _);

    internal static bool TryGetName(string algorithm, out HashAlgorithmName name)
    {
        name = algorithm.Trim().ToLowerInvariant() switch
        {
            "md5" => HashAlgorithmName.MD5,
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            "sha384" => HashAlgorithmName.SHA384,
            "sha512" => HashAlgorithmName.SHA512,
            "sha3_256" when SHA3_256.IsSupported => HashAlgorithmName.SHA3_256,
            "sha3_384" when SHA3_384.IsSupported => HashAlgorithmName.SHA3_384,
            "sha3_512" when SHA3_512.IsSupported => HashAlgorithmName.SHA3_512,
            _ => default,
        };
        return name.Name is not null;
    }

    private static string[] BuildSupported() =>
        new[] { "md5", "sha1", "sha256", "sha384", "sha512", "sha3_256", "sha3_384", "sha3_512" }
            .Where(IsSupported).ToArray();
}
