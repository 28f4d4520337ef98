namespace NovaImage;

/// <summary>Glance refused the request as invalid (HTTP 400, 415, 416), or it cannot be expressed to this server.</summary>
public class InvalidImageRequestException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public InvalidImageRequestException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
