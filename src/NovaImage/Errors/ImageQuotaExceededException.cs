namespace NovaImage;

/// <summary>A size, count or property quota was exceeded (HTTP 413).</summary>
public sealed class ImageQuotaExceededException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public ImageQuotaExceededException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
