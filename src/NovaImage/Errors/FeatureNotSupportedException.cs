namespace NovaImage;

/// <summary>The server (or the API version in use) does not offer this feature, e.g. import on v1 or below v2.6.</summary>
public sealed class FeatureNotSupportedException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public FeatureNotSupportedException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
