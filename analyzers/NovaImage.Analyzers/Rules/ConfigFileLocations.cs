using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NovaImage.ConfigFiles;

namespace NovaImage.Analyzers.Rules;

/// <summary>Maps a <see cref="ConfigFinding"/> to a location in its additional file.</summary>
internal static class ConfigFileLocations
{
    public static Location Of(AdditionalText file, ConfigFinding finding) =>
        Location.Create(
            file.Path,
            new TextSpan(finding.Start, finding.Length),
            new LinePositionSpan(new LinePosition(finding.StartLine, finding.StartColumn), new LinePosition(finding.EndLine, finding.EndColumn)));
}
