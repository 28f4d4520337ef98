using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace NovaImage.Signatures;

/// <summary>
/// The key types an image signature may name in <c>img_signature_key_type</c>, exactly cursive's list:
/// <c>RSA-PSS</c> (MGF1 with the signature's hash, the maximum salt length), <c>DSA</c>, and <c>ECC_</c> + the curves
/// of at least 384 bits (SECT571K1, SECT409K1, SECT571R1, SECT409R1, SECP521R1, SECP384R1). As in cursive, an ECC
/// type accepts any elliptic-curve key: the name says the family, the certificate's key says the curve.
/// Signatures of DSA and ECDSA are DER sequences, as Python's cryptography writes them.
/// </summary>
internal sealed class SignatureKeyType
{
    private enum Family { Rsa, Dsa, Ec }

    /// <summary>The curves cursive registers, by the name used after <c>ECC_</c>.</summary>
    public static readonly string[] Curves = ["SECT571K1", "SECT409K1", "SECT571R1", "SECT409R1", "SECP521R1", "SECP384R1"];

    private static readonly SignatureKeyType[] All =
    [
        new("RSA-PSS", Family.Rsa),
        new("DSA", Family.Dsa),
        .. Curves.Select(c => new SignatureKeyType("ECC_" + c, Family.Ec)),
    ];

    private readonly Family _family;

    private SignatureKeyType(string name, Family family)
    {
        Name = name;
        _family = family;
    }

    /// <summary>The property value (<c>RSA-PSS</c>, <c>ECC_SECP384R1</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The names accepted, for messages.</summary>
    public static IEnumerable<string> Names => All.Select(t => t.Name);

    /// <summary>The type named <paramref name="name"/> (exact, as cursive matches it), or null.</summary>
    public static SignatureKeyType? Find(string? name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The key type that signs with <paramref name="key"/>: RSA-PSS, DSA, or ECC_ + its curve when the curve is one of
    /// cursive's; null otherwise.
    /// </summary>
    public static SignatureKeyType? For(AsymmetricKeyParameter key) => key switch
    {
        RsaKeyParameters => Find("RSA-PSS"),
        DsaKeyParameters => Find("DSA"),
        ECKeyParameters ec when ec.Parameters is ECNamedDomainParameters named => Find("ECC_" + CurveName(named)),
        _ => null,
    };

    /// <summary>Whether <paramref name="publicKey"/> is of this type's family (cursive's "public key type" check).</summary>
    public bool Accepts(AsymmetricKeyParameter publicKey) => _family switch
    {
        Family.Rsa => publicKey is RsaKeyParameters,
        Family.Dsa => publicKey is DsaKeyParameters,
        _ => publicKey is ECKeyParameters,
    };

    /// <summary>Checks <paramref name="signature"/> over the image's <paramref name="hash"/>.</summary>
    public bool Verify(AsymmetricKeyParameter publicKey, SignatureHashMethod method, byte[] hash, byte[] signature)
    {
        var signer = CreateSigner(publicKey, method);
        signer.Init(false, publicKey);
        signer.BlockUpdate(hash, 0, hash.Length);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception ex) when (ex is CryptoException or ArgumentException or InvalidOperationException)
        {
            // A signature of the wrong length or a malformed DER sequence is a bad signature, not a crash.
            return false;
        }
    }

    /// <summary>Signs the image's <paramref name="hash"/> with <paramref name="privateKey"/>.</summary>
    public byte[] Sign(AsymmetricKeyParameter privateKey, SignatureHashMethod method, byte[] hash)
    {
        var signer = CreateSigner(privateKey, method);
        signer.Init(true, privateKey);
        signer.BlockUpdate(hash, 0, hash.Length);
        return signer.GenerateSignature();
    }

    // Each signer takes the image's hash as computed during the transfer (raw PSS, and DSA/ECDSA over a pass-through
    // digest), so the data is read once whatever the key type.
    private ISigner CreateSigner(AsymmetricKeyParameter key, SignatureHashMethod method) => _family switch
    {
        Family.Rsa => PssSigner.CreateRawSigner(new RsaBlindedEngine(), method.CreateEngineDigest(), method.CreateEngineDigest(),
            MaxSaltLength(((RsaKeyParameters)key).Modulus.BitLength, method.Size), PssSigner.TrailerImplicit),
        // Deterministic nonces (RFC 6979) for signing: no dependence on the quality of a random source.
        Family.Dsa => new DsaDigestSigner(new DsaSigner(new HMacDsaKCalculator(method.CreateEngineDigest())), new NullDigest()),
        _ => new DsaDigestSigner(new ECDsaSigner(new HMacDsaKCalculator(method.CreateEngineDigest())), new NullDigest()),
    };

    /// <summary>The PSS salt length cursive verifies with (Python cryptography's <c>PSS.MAX_LENGTH</c>).</summary>
    private static int MaxSaltLength(int modulusBits, int hashSize) => (modulusBits + 6) / 8 - hashSize - 2;

    private static string CurveName(ECNamedDomainParameters named) =>
        Org.BouncyCastle.Asn1.X9.ECNamedCurveTable.GetName(named.Name)?.ToUpperInvariant() ?? string.Empty;
}
