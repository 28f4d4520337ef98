using System.Security.Cryptography;

namespace NovaImage.Transfers;

/// <summary>
/// Verifies image data in one streaming pass: size (refusing the first byte past it), the multihash
/// (<c>os_hash_algo</c>/<c>os_hash_value</c>), the md5 <c>checksum</c> when it is the fallback or asked for, and any
/// extra <see cref="IImageDataCheck"/> (e.g. an image signature). Every check's state is incremental, so a resumed
/// download keeps hashing where the broken attempt stopped; several checks hash each piece of data in parallel.
/// Data must be appended in order (one caller at a time).
/// </summary>
internal sealed class IntegrityVerifier : IDisposable
{
    // Below this, handing a piece to another core costs more than hashing it on this one.
    private const int ParallelThreshold = 64 * 1024;

    private readonly string _imageId;
    private readonly string _source;
    private readonly long? _expectedSize;
    private readonly List<ImageHashCheck> _hashes;      // the image's own hashes, the strongest first
    private readonly IImageDataCheck[] _checks;          // everything fed: the hashes, the extra checks, a fingerprint
    private readonly ParallelChecks? _parallel;          // when there are several checks
    // The hash that proves a restart from byte 0 re-read the bytes already delivered: the strongest hash, or, when the
    // image carries none, an unverified sha256.
    private readonly ImageHashCheck _fingerprint;

    // The image's os_hash_algo when it cannot be computed here and the md5 is checked instead (reported, not hidden).
    private readonly string? _unverifiedAlgorithm;

    private IntegrityVerifier(string imageId, string source, long? expectedSize, List<ImageHashCheck> hashes,
        IEnumerable<IImageDataCheck> extraChecks, string? unverifiedAlgorithm)
    {
        _imageId = imageId;
        _source = source;
        _expectedSize = expectedSize;
        _hashes = hashes;
        _unverifiedAlgorithm = unverifiedAlgorithm;
        _fingerprint = hashes.Count > 0 ? hashes[0] : new ImageHashCheck("sha256", HashAlgorithmName.SHA256, expected: null, isMultihash: false);
        _checks = [.. hashes.Count > 0 ? hashes : [_fingerprint], .. extraChecks];
        if (_checks.Length > 1) _parallel = new ParallelChecks(_checks);
    }

    /// <summary>Bytes verified so far.</summary>
    public long Position { get; private set; }

    /// <summary>The size the data must have, when known.</summary>
    public long? ExpectedSize => _expectedSize;

    /// <summary>
    /// Builds the checks for <paramref name="image"/>, as glanceclient and Nova do: the multihash when present and
    /// computable here; the md5 checksum only when there is no usable multihash or <paramref name="verifyMd5"/> asks
    /// for it too (<see cref="DownloadOptions.VerifyMd5"/>, <see cref="GlanceOptions.VerifyMd5"/>);
    /// <paramref name="reportedMd5"/> (a Content-MD5 / ETag header) stands in for a missing md5 checksum (not as the
    /// fallback for a multihash that cannot be computed here: that needs the image's own checksum). Then one
    /// check from each of <paramref name="extraChecks"/>.
    /// </summary>
    /// <exception cref="FeatureNotSupportedException">The only hash the image offers cannot be computed here.</exception>
    /// <exception cref="ImageNotVerifiableException">There is no hash at all and <see cref="DownloadOptions.RequireHash"/> is set.</exception>
    public static IntegrityVerifier Create(Image image, string source, string? reportedMd5, long? reportedSize, DownloadOptions options,
        bool verifyMd5, IReadOnlyList<Func<IImageDataCheck>> extraChecks)
    {
        string? unverifiedAlgorithm = null;
        var hashes = new List<ImageHashCheck>(2);
        var md5 = Normalize(image.Checksum);
        var multihashValue = Normalize(image.OsHashValue);
        var multihashAlgo = image.OsHashAlgo?.Trim().ToLowerInvariant();
        var multihashUsable = false;
        if (multihashAlgo is { Length: > 0 } && multihashValue is not null)
        {
            if (GlanceHashAlgorithms.TryGetName(multihashAlgo, out var name))
            {
                hashes.Add(new ImageHashCheck(multihashAlgo, name, multihashValue, isMultihash: true));
                multihashUsable = true;
            }
            else if (md5 is null)
            {
                throw new FeatureNotSupportedException(
                    $"Cannot verify image data: os_hash_algo '{multihashAlgo}' is not available on this platform "
                    + $"(supported: {string.Join(", ", GlanceHashAlgorithms.Supported)}) and the image has no md5 checksum to use instead",
                    new GlanceErrorContext(ImageId: image.Id));
            }
            else
            {
                unverifiedAlgorithm = multihashAlgo;
            }
        }

        md5 ??= Normalize(reportedMd5);
        if (md5 is not null && (!multihashUsable || verifyMd5))
            hashes.Add(new ImageHashCheck("md5", HashAlgorithmName.MD5, md5, isMultihash: false));

        if (hashes.Count == 0 && options.RequireHash)
        {
            throw new ImageNotVerifiableException(
                $"Image data from {source} cannot be verified: the image has no checksum and no os_hash_value, and no Content-MD5 was sent",
                new GlanceErrorContext(ImageId: image.Id));
        }

        var extras = new List<IImageDataCheck>(extraChecks.Count);
        try
        {
            foreach (var create in extraChecks) extras.Add(create());
            return new IntegrityVerifier(image.Id, source, image.Size ?? reportedSize, hashes, extras, unverifiedAlgorithm);
        }
        catch
        {
            foreach (var check in hashes.Concat(extras)) check.Dispose();
            throw;
        }
    }

    /// <summary>Refuses <paramref name="count"/> more bytes when they would take the data past the expected size.</summary>
    /// <exception cref="ImageIntegrityException">More bytes than the image's size arrived.</exception>
    public void EnsureFits(int count, Uri? server)
    {
        if (_expectedSize is { } size && Position + count > size)
        {
            throw new ImageIntegrityException(
                $"Image data from {_source} is larger than the image's size: expected {size} bytes, received at least {Position + count}",
                new GlanceErrorContext(ImageId: _imageId, Server: server));
        }
    }

    /// <summary>
    /// Feeds <paramref name="data"/> (the bytes right after <see cref="Position"/>) to every check, each on its own core
    /// when there are several; refuses it when it would take the data past the expected size.
    /// </summary>
    /// <exception cref="ImageIntegrityException">More bytes than the image's size arrived.</exception>
    public void Append(ReadOnlyMemory<byte> data, Uri? server)
    {
        EnsureFits(data.Length, server);
        if (_parallel is null || data.Length < ParallelThreshold)
        {
            foreach (var check in _checks) check.Append(data.Span);
        }
        else
        {
            _parallel.Append(data);
        }

        Position += data.Length;
    }

    /// <summary>The hash of the bytes verified so far (used to prove a restarted stream repeats a delivered prefix).</summary>
    public byte[] Fingerprint() => _fingerprint.CurrentHash();

    /// <summary>Whether the data reached the expected size (always true when the size is unknown).</summary>
    public bool IsComplete => _expectedSize is not { } size || Position == size;

    /// <summary>Completes every check; returns what was verified (the strongest hash first).</summary>
    /// <exception cref="ImageIntegrityException">The size or a hash does not match.</exception>
    /// <exception cref="GlanceException">An extra check refused the data.</exception>
    public VerificationOutcome Complete(Uri? server)
    {
        var context = new GlanceErrorContext(ImageId: _imageId, Server: server);
        if (!IsComplete)
        {
            throw new ImageIntegrityException(
                $"Image data from {_source} is shorter than the image's size: expected {_expectedSize} bytes, received {Position}", context);
        }

        foreach (var check in _checks) check.Complete(_source, context);

        if (_hashes.Count == 0)
            return new VerificationOutcome(_expectedSize is null ? DownloadVerification.Nothing : DownloadVerification.SizeOnly, null, null, [], null);
        var strongest = _hashes[0];
        return new VerificationOutcome(strongest.IsMultihash ? DownloadVerification.Multihash : DownloadVerification.Md5,
            strongest.Algorithm, strongest.Expected, [.. _hashes.Select(h => h.Algorithm)], _unverifiedAlgorithm);
    }

    public void Dispose()
    {
        _parallel?.Dispose();
        foreach (var check in _checks) check.Dispose();
    }

    private static string? Normalize(string? hex) => string.IsNullOrWhiteSpace(hex) ? null : hex.Trim().ToLowerInvariant();
}
