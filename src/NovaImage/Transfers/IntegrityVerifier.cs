using System.Security.Cryptography;
using NovaImage.Signatures;

namespace NovaImage.Transfers;

/// <summary>
/// Verifies image data in one streaming pass: size (refusing the first byte past it), the multihash
/// (<c>os_hash_algo</c>/<c>os_hash_value</c>) and the md5 <c>checksum</c>. Hash state is incremental, so a resumed
/// download keeps hashing where the broken attempt stopped.
/// </summary>
internal sealed class IntegrityVerifier : IDisposable
{
    private readonly string _imageId;
    private readonly string _source;
    private readonly long? _expectedSize;
    private readonly List<Check> _checks;
    // When the image carries no hash at all, an unverified sha256 still fingerprints the prefix so that a restart
    // from byte 0 can prove it re-read the bytes already delivered.
    private readonly IncrementalHash? _fingerprintOnly;

    // The image's os_hash_algo when it cannot be computed here and the md5 is checked instead (reported, not hidden).
    private readonly string? _unverifiedAlgorithm;

    // The image's signature, checked against its own running hash of the same bytes (null when not verified).
    private readonly ImageSignatureCheck? _signature;
    private readonly SignatureDigest? _signatureDigest;

    private IntegrityVerifier(string imageId, string source, long? expectedSize, List<Check> checks, string? unverifiedAlgorithm, ImageSignatureCheck? signature)
    {
        _signature = signature;
        _signatureDigest = signature?.CreateDigest();
        _imageId = imageId;
        _source = source;
        _expectedSize = expectedSize;
        _checks = checks;
        _unverifiedAlgorithm = unverifiedAlgorithm;
        if (checks.Count == 0) _fingerprintOnly = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    /// <summary>Bytes verified so far.</summary>
    public long Position { get; private set; }

    /// <summary>The size the data must have, when known.</summary>
    public long? ExpectedSize => _expectedSize;

    /// <summary>
    /// Builds the checks for <paramref name="image"/>: the multihash when present and supported, the md5 checksum
    /// unless skipped (<see cref="DownloadOptions.SkipMd5WhenMultihash"/>); <paramref name="reportedMd5"/> (a
    /// Content-MD5 / ETag header) only when the record has neither.
    /// </summary>
    /// <exception cref="FeatureNotSupportedException">The only hash the image offers cannot be computed here.</exception>
    /// <exception cref="ImageNotVerifiableException">There is no hash at all and <see cref="DownloadOptions.RequireHash"/> is set.</exception>
    public static IntegrityVerifier Create(Image image, string source, string? reportedMd5, long? reportedSize, DownloadOptions options, ImageSignatureCheck? signature)
    {
        var skipMd5WhenMultihash = options.SkipMd5WhenMultihash;
        string? unverifiedAlgorithm = null;
        var checks = new List<Check>(2);
        var md5 = Normalize(image.Checksum);
        var multihashValue = Normalize(image.OsHashValue);
        var multihashAlgo = image.OsHashAlgo?.Trim().ToLowerInvariant();
        var multihashUsable = false;
        if (multihashAlgo is { Length: > 0 } && multihashValue is not null)
        {
            if (GlanceHashAlgorithms.TryGetName(multihashAlgo, out var name))
            {
                checks.Add(new Check(multihashAlgo, multihashValue, IncrementalHash.CreateHash(name), IsMultihash: true));
                multihashUsable = true;
            }
            else if (md5 is null || skipMd5WhenMultihash)
            {
                throw new FeatureNotSupportedException(
                    $"Cannot verify image data: os_hash_algo '{multihashAlgo}' is not available on this platform "
                    + $"(supported: {string.Join(", ", GlanceHashAlgorithms.Supported)}) and no md5 checksum may be used instead",
                    new GlanceErrorContext(ImageId: image.Id));
            }
            else
            {
                unverifiedAlgorithm = multihashAlgo;
            }
        }

        md5 ??= multihashUsable ? null : Normalize(reportedMd5);
        if (md5 is not null && !(multihashUsable && skipMd5WhenMultihash))
            checks.Add(new Check("md5", md5, IncrementalHash.CreateHash(HashAlgorithmName.MD5), IsMultihash: false));

        if (checks.Count == 0 && options.RequireHash)
        {
            throw new ImageNotVerifiableException(
                $"Image data from {source} cannot be verified: the image has no checksum and no os_hash_value, and no Content-MD5 was sent",
                new GlanceErrorContext(ImageId: image.Id));
        }

        return new IntegrityVerifier(image.Id, source, image.Size ?? reportedSize, checks, unverifiedAlgorithm, signature);
    }

    /// <summary>Hashes <paramref name="data"/>; refuses it when it would take the data past the expected size.</summary>
    /// <exception cref="ImageIntegrityException">More bytes than the image's size arrived.</exception>
    public void Append(ReadOnlySpan<byte> data, Uri? server)
    {
        if (_expectedSize is { } size && Position + data.Length > size)
        {
            throw new ImageIntegrityException(
                $"Image data from {_source} is larger than the image's size: expected {size} bytes, received at least {Position + data.Length}",
                new GlanceErrorContext(ImageId: _imageId, Server: server));
        }

        foreach (var check in _checks) check.Hash.AppendData(data);
        _fingerprintOnly?.AppendData(data);
        _signatureDigest?.Append(data);
        Position += data.Length;
    }

    /// <summary>The hash of the bytes verified so far (used to prove a restarted stream repeats a delivered prefix).</summary>
    public byte[] Fingerprint() => (_fingerprintOnly ?? _checks[0].Hash).GetCurrentHash();

    /// <summary>Whether the data reached the expected size (always true when the size is unknown).</summary>
    public bool IsComplete => _expectedSize is not { } size || Position == size;

    /// <summary>Compares every hash; returns what was verified (the strongest hash first).</summary>
    /// <exception cref="ImageIntegrityException">The size or a hash does not match.</exception>
    public VerificationOutcome Complete(Uri? server)
    {
        var context = new GlanceErrorContext(ImageId: _imageId, Server: server);
        if (!IsComplete)
        {
            throw new ImageIntegrityException(
                $"Image data from {_source} is shorter than the image's size: expected {_expectedSize} bytes, received {Position}", context);
        }

        foreach (var check in _checks)
        {
            var actual = Convert.ToHexString(check.Hash.GetCurrentHash()).ToLowerInvariant();
            if (!string.Equals(actual, check.Expected, StringComparison.Ordinal))
            {
                throw new ImageIntegrityException(
                    $"Image data from {_source} does not match its {check.Algorithm}: expected {check.Expected}, got {actual}", context);
            }
        }

        // The signature last: a hash mismatch says more precisely what is wrong with the bytes.
        _signature?.Verify(_signatureDigest!, server);
        var signature = _signature?.Description;

        if (_checks.Count == 0)
            return new VerificationOutcome(_expectedSize is null ? DownloadVerification.Nothing : DownloadVerification.SizeOnly, null, null, null, signature);
        var strongest = _checks[0];
        return new VerificationOutcome(strongest.IsMultihash ? DownloadVerification.Multihash : DownloadVerification.Md5,
            strongest.Algorithm, strongest.Expected, _unverifiedAlgorithm, signature);
    }

    public void Dispose()
    {
        foreach (var check in _checks) check.Hash.Dispose();
        _fingerprintOnly?.Dispose();
        _signatureDigest?.Dispose();
    }

    private static string? Normalize(string? hex) => string.IsNullOrWhiteSpace(hex) ? null : hex.Trim().ToLowerInvariant();

    private sealed record Check(string Algorithm, string Expected, IncrementalHash Hash, bool IsMultihash);
}
