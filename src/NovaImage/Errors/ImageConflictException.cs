namespace NovaImage;

/// <summary>The request conflicts with the image's state (HTTP 409), e.g. deleting an image in use.</summary>
public sealed class ImageConflictException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public ImageConflictException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
