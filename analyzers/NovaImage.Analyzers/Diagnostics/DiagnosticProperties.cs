namespace NovaImage.Analyzers.Diagnostics;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> the analyzers set for the code fixes.</summary>
internal static class DiagnosticProperties
{
    /// <summary>Nova's option name (<c>host</c>, <c>port</c>, <c>protocol</c>) of a deprecated option.</summary>
    public const string Option = "Option";

    /// <summary>The name of the v1-only member used.</summary>
    public const string Member = "Member";
}
