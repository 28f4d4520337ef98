namespace NovaImage.Cli.Glance;

/// <summary>
/// The CLI's own Glance client, generated like any consumer's: <see cref="IImageApi"/> plus the CLI's extension
/// calls (<see cref="IGlanceImageDocumentApi"/>), all through one core (endpoints, retries, token, typed errors).
/// </summary>
[GlanceImageApi]
internal sealed partial class CliImageApi;
