namespace NovaImage;

/// <summary>The four image properties that carry a signature, as Glance, Nova and cursive read them.</summary>
/// <param name="Signature"><c>img_signature</c>: the signature, base64.</param>
/// <param name="HashMethod"><c>img_signature_hash_method</c>: SHA-224, SHA-256, SHA-384 or SHA-512.</param>
/// <param name="KeyType"><c>img_signature_key_type</c>: RSA-PSS, DSA or ECC_&lt;curve&gt;.</param>
/// <param name="CertificateId"><c>img_signature_certificate_uuid</c>: the signing certificate's id in the key manager.</param>
public sealed record ImageSignatureProperties(string Signature, string HashMethod, string KeyType, string CertificateId)
{
    /// <summary>The properties by their Glance names, to set on an image.</summary>
    public IReadOnlyDictionary<string, string> ToProperties() => new Dictionary<string, string>
    {
        ["img_signature"] = Signature,
        ["img_signature_hash_method"] = HashMethod,
        ["img_signature_key_type"] = KeyType,
        ["img_signature_certificate_uuid"] = CertificateId,
    };
}
