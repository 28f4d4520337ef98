namespace NovaImage.Cli.Output;

/// <summary>The <c>--json</c> result of <c>config check</c>.</summary>
/// <param name="File">The checked file.</param>
/// <param name="Format"><c>nova.conf</c> or <c>appsettings.json</c>.</param>
/// <param name="Findings">What was found, in file order.</param>
/// <param name="MigrationAvailable">Whether <c>config migrate</c> would change the file.</param>
internal sealed record ConfigCheckOutput(string File, string Format, List<ConfigFindingOutput> Findings, bool MigrationAvailable);

/// <summary>One finding of <c>config check</c>; lines and columns are 1-based.</summary>
internal sealed record ConfigFindingOutput(string Severity, string Option, string Key, string Value, int Line, int Column, string Message);
