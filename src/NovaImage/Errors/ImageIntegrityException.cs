namespace NovaImage;

/// <summary>
/// Downloaded data did not match the image's size or hashes; nothing was written to the destination, except to a
/// device or FIFO (written in place, it cannot be rolled back): the message then says it holds the unverified data.
/// </summary>
public sealed class ImageIntegrityException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public ImageIntegrityException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
