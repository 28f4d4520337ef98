namespace NovaImage;

/// <summary>A certificate source has no certificate under the id asked for, or refuses it to this caller.</summary>
public sealed class CertificateNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CertificateNotFoundException(string certificateId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        CertificateId = certificateId;
    }

    /// <summary>The id asked for.</summary>
    public string CertificateId { get; }
}
