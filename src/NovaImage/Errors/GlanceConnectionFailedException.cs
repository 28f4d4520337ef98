namespace NovaImage;

/// <summary>No api server could be reached after every attempt (connection failures, timeouts, HTTP 503).</summary>
public sealed class GlanceConnectionFailedException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public GlanceConnectionFailedException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
