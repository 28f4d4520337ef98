namespace NovaImage;

/// <summary>A value cannot travel as a Glance v1 header (not a header token, control characters, too long); nothing was sent.</summary>
public sealed class HeaderEncodingException : InvalidImageRequestException
{
    /// <summary>Creates the exception.</summary>
    public HeaderEncodingException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
