using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.ConfigFiles;

namespace NovaImage.Analyzers.Rules;

/// <summary>
/// NIMG0201 (deprecated host/port/protocol) and NIMG0303 (API v1 selected) in nova.conf-style files and
/// <c>appsettings*.json</c> passed to the compiler as additional files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DeprecatedOptionInConfigFile, DiagnosticDescriptors.V1SelectedInConfigFile);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NovaImageSymbols.Resolve(start.Compilation) is null) return;
            start.RegisterAdditionalFileAction(Analyze);
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (ConfigScanner.KindFromPath(file.Path) is not { } kind) return;
        if (file.GetText(context.CancellationToken)?.ToString() is not { } text) return;

        var findings = ConfigScanner.Find(text, kind);
        string? suggestion = null;
        foreach (var finding in findings)
        {
            switch (finding.Issue)
            {
                case ConfigIssue.DeprecatedOption:
                    suggestion ??= Suggestion(findings, kind);
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.DeprecatedOptionInConfigFile, ConfigFileLocations.Of(file, finding), finding.Key, suggestion));
                    break;
                case ConfigIssue.V1ApiVersion:
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.V1SelectedInConfigFile, ConfigFileLocations.Of(file, finding), finding.Key));
                    break;
            }
        }
    }

    /// <summary>The api_servers line the file should have, e.g. <c>api_servers = https://glance:9292</c>.</summary>
    private static string Suggestion(IReadOnlyList<ConfigFinding> findings, ConfigFileKind kind)
    {
        string? host = null, port = null, protocol = null;
        foreach (var finding in findings)
        {
            if (finding.Issue != ConfigIssue.DeprecatedOption) continue;
            switch (finding.Option)
            {
                case "host": host = finding.Value; break;
                case "port": port = finding.Value; break;
                case "protocol": protocol = finding.Value; break;
            }
        }
        var server = string.IsNullOrWhiteSpace(host) ? "<protocol>://<host>:<port>" : ApiServerAddress.FromLegacyOptions(protocol, host!, port);
        return ConfigMigration.ApiServersEntry(kind, server);
    }
}
