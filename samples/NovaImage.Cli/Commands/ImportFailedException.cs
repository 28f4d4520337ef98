namespace NovaImage.Cli.Commands;

/// <summary>An import Glance accepted did not complete (exit code 1).</summary>
internal sealed class ImportFailedException(string message) : Exception(message);
