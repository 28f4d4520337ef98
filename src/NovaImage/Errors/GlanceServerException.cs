namespace NovaImage;

/// <summary>Glance answered with an error not covered by a more specific type (e.g. HTTP 500).</summary>
public sealed class GlanceServerException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public GlanceServerException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
