using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace NovaImage.Signatures;

/// <summary>
/// The hash methods an image signature may name in <c>img_signature_hash_method</c>, exactly cursive's list
/// (SHA-224, SHA-256, SHA-384, SHA-512; anything else, SHA-1 included, is refused as Glance refuses it).
/// </summary>
internal sealed class SignatureHashMethod
{
    private static readonly SignatureHashMethod[] All =
    [
        new("SHA-224", 28, null, () => new Sha224Digest()),
        new("SHA-256", 32, HashAlgorithmName.SHA256, () => new Sha256Digest()),
        new("SHA-384", 48, HashAlgorithmName.SHA384, () => new Sha384Digest()),
        new("SHA-512", 64, HashAlgorithmName.SHA512, () => new Sha512Digest()),
    ];

    private readonly HashAlgorithmName? _platformHash;
    private readonly Func<IDigest> _createDigest;

    private SignatureHashMethod(string name, int size, HashAlgorithmName? platformHash, Func<IDigest> createDigest)
    {
        Name = name;
        Size = size;
        _platformHash = platformHash;
        _createDigest = createDigest;
    }

    /// <summary>The property value (<c>SHA-256</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The digest size in bytes.</summary>
    public int Size { get; }

    /// <summary>The names accepted, for messages.</summary>
    public static IEnumerable<string> Names => All.Select(m => m.Name);

    /// <summary>The method named <paramref name="name"/> (exact, as cursive matches it), or null.</summary>
    public static SignatureHashMethod? Find(string? name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// A running hash of the image data. The platform's hash (OpenSSL, CNG) where .NET has it, as fast as the other
    /// checks of the download; SHA-224, which .NET lacks, from BouncyCastle.
    /// </summary>
    public SignatureDigest CreateDigest() =>
        _platformHash is { } name ? new SignatureDigest(IncrementalHash.CreateHash(name)) : new SignatureDigest(_createDigest());

    /// <summary>A BouncyCastle digest of this method (the PSS mask generation and the signer's hash length).</summary>
    public IDigest CreateEngineDigest() => _createDigest();
}
