namespace NovaImage;

/// <summary>The image does not exist or is not visible to the caller (HTTP 404).</summary>
public sealed class ImageNotFoundException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public ImageNotFoundException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
