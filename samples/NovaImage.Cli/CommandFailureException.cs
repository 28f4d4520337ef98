namespace NovaImage.Cli;

/// <summary>
/// A failure with what it left behind for the user (a queued image to delete, unverified bytes already on stdout):
/// the message says it, and the exit code is that of <see cref="Exception.InnerException"/>, the cause.
/// </summary>
internal sealed class CommandFailureException(string message, Exception cause) : Exception(message, cause);
