using System.Security.Cryptography;

namespace NovaImage.Transfers;

/// <summary>
/// A hash of the image data compared with the value the image declares (its multihash or md5 checksum), or, with no
/// expected value, only a fingerprint of the bytes seen (to prove a restarted stream repeats a delivered prefix).
/// </summary>
internal sealed class ImageHashCheck : IImageDataCheck
{
    private readonly IncrementalHash _hash;

    /// <summary>Creates the check.</summary>
    /// <param name="algorithm">The <c>os_hash_algo</c> name (e.g. <c>sha512</c>, <c>md5</c>).</param>
    /// <param name="hashName">The .NET algorithm.</param>
    /// <param name="expected">The expected lower-case hex value; null for a fingerprint that verifies nothing.</param>
    /// <param name="isMultihash">Whether this is the image's multihash (else its md5 checksum).</param>
    public ImageHashCheck(string algorithm, HashAlgorithmName hashName, string? expected, bool isMultihash)
    {
        Algorithm = algorithm;
        Expected = expected;
        IsMultihash = isMultihash;
        _hash = IncrementalHash.CreateHash(hashName);
    }

    /// <summary>The <c>os_hash_algo</c> name.</summary>
    public string Algorithm { get; }
    /// <summary>The expected hex value, or null for a fingerprint.</summary>
    public string? Expected { get; }
    /// <summary>Whether this is the image's multihash.</summary>
    public bool IsMultihash { get; }

    /// <inheritdoc />
    public void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    /// <summary>The hash of the bytes appended so far (the state is kept).</summary>
    public byte[] CurrentHash() => _hash.GetCurrentHash();

    /// <inheritdoc />
    public void Complete(string source, GlanceErrorContext context)
    {
        if (Expected is null) return;
        var actual = Convert.ToHexString(_hash.GetCurrentHash()).ToLowerInvariant();
        if (!string.Equals(actual, Expected, StringComparison.Ordinal))
        {
            throw new ImageIntegrityException(
                $"Image data from {source} does not match its {Algorithm}: expected {Expected}, got {actual}", context);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
