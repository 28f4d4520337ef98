namespace NovaImage;

/// <summary>
/// A download's destination cannot be written as asked: it is a directory or a socket, its directory does not exist,
/// the process may not create a file there or open the device, or replacing the file would not keep its owner, group
/// or mode. Raised before anything is fetched from Glance; nothing was written.
/// </summary>
public sealed class InvalidDestinationException : GlanceException
{
    /// <summary>Creates the exception.</summary>
    public InvalidDestinationException(string path, string message, GlanceErrorContext context, Exception? innerException = null)
        : base(message, context, innerException) => Path = path;

    /// <summary>The destination, as a full path.</summary>
    public string Path { get; }
}
