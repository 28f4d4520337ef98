namespace NovaImage;

/// <summary>
/// The client's configuration cannot be used for a request (e.g. a token provider returned a token that cannot
/// travel as a header); raised before anything is sent. Options that are wrong from the start are reported when
/// the client is built, as an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>.
/// </summary>
public sealed class GlanceConfigurationException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public GlanceConfigurationException(string message, GlanceErrorContext? context = null, Exception? innerException = null)
        : base(message, context ?? new GlanceErrorContext(), innerException) { }
}
