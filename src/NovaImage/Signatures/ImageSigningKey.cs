using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using NovaImage.Signatures;

namespace NovaImage;

/// <summary>
/// A private key that signs images the way Glance, Nova and cursive verify them: RSA (as RSA-PSS with MGF1 and the
/// maximum salt length), DSA, or an elliptic-curve key on one of cursive's curves (SECP384R1, SECP521R1, SECT409K1,
/// SECT409R1, SECT571K1, SECT571R1). Read from PEM: PKCS#1, PKCS#8 (encrypted too, with a password), SEC1 or
/// OpenSSL's traditional DSA form.
/// </summary>
public sealed class ImageSigningKey
{
    private ImageSigningKey(AsymmetricKeyParameter privateKey, SignatureKeyType keyType)
    {
        PrivateKey = privateKey;
        Type = keyType;
    }

    /// <summary>The <c>img_signature_key_type</c> this key signs as (<c>RSA-PSS</c>, <c>DSA</c>, <c>ECC_SECP384R1</c>, ...).</summary>
    public string KeyType => Type.Name;

    internal AsymmetricKeyParameter PrivateKey { get; }

    internal SignatureKeyType Type { get; }

    /// <summary>Reads the private key in the PEM file <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The file holds no private key, a key of a type images cannot be signed with, or the password is wrong.</exception>
    public static ImageSigningKey FromPemFile(string path, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FromPem(File.ReadAllText(path), password, path);
    }

    /// <summary>Reads the private key in <paramref name="pem"/>.</summary>
    /// <exception cref="ArgumentException">The text holds no private key, a key of a type images cannot be signed with, or the password is wrong.</exception>
    public static ImageSigningKey FromPem(string pem, string? password = null) => FromPem(pem, password, "the PEM text");

    private static ImageSigningKey FromPem(string pem, string? password, string origin)
    {
        object? read;
        try
        {
            using var reader = new PemReader(new StringReader(pem), password is null ? null : new Password(password));
            read = reader.ReadObject();
        }
        catch (Exception ex) when (ex is IOException or PemException or InvalidCipherTextException or ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException($"{origin} holds no readable private key ({(password is null ? "is it encrypted? give its password" : "is the password right?")})", ex);
        }

        var key = read switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter { IsPrivate: true } privateKey => privateKey,
            _ => throw new ArgumentException($"{origin} holds no private key"),
        };
        var keyType = SignatureKeyType.For(key)
            ?? throw new ArgumentException(
                $"{origin} holds a key images cannot be signed with: RSA, DSA, or elliptic curves {string.Join(", ", SignatureKeyType.Curves)} only");
        return new ImageSigningKey(key, keyType);
    }

    private sealed class Password(string password) : IPasswordFinder
    {
        public char[] GetPassword() => password.ToCharArray();
    }
}
