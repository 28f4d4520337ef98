namespace NovaImage;

/// <summary>
/// An image's signature could not be verified: a signature property is missing or malformed, the certificate could not
/// be fetched, is outside its validity dates or does not chain to a trusted certificate, its key does not match the
/// key type, or the data does not match the signature. Nothing was written to the destination (except to a device
/// or FIFO, written in place: the message then says it holds the unverified data).
/// </summary>
public sealed class ImageSignatureException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public ImageSignatureException(string message, GlanceErrorContext context, string? certificateId = null, Exception? innerException = null)
        : base(certificateId is null || message.Contains(Signatures.CertificateIds.Printable(certificateId), StringComparison.Ordinal)
            ? message : $"{message} (certificate {Signatures.CertificateIds.Printable(certificateId)})", context, innerException)
    {
        CertificateId = certificateId;
    }

    /// <summary>The signing certificate's id (<c>img_signature_certificate_uuid</c>), when the image names one.</summary>
    public string? CertificateId { get; }
}
