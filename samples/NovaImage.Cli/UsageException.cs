namespace NovaImage.Cli;

/// <summary>The user asked for something the command line or configuration cannot express (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
