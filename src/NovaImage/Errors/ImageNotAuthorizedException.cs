namespace NovaImage;

/// <summary>The caller may not do this (HTTP 401 or 403).</summary>
public sealed class ImageNotAuthorizedException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public ImageNotAuthorizedException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
