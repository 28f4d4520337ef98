namespace NovaImage;

/// <summary>
/// The download asked for a hash (<see cref="DownloadOptions.RequireHash"/>) and the image has none that can be
/// checked: no multihash, no md5 checksum, and no Content-MD5 from the server. Raised before any byte is written;
/// the destination is unchanged.
/// </summary>
public sealed class ImageNotVerifiableException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public ImageNotVerifiableException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) { }
}
