using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.ConfigFiles;

namespace NovaImage.CodeFixes;

/// <summary>
/// NIMG0201: rewrites a nova.conf or appsettings file (an additional document) from host/port/protocol to
/// api_servers, with <see cref="ConfigMigration.Migrate"/> (the same code as <c>novaimage config migrate</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfigFileCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }), Shared]
public sealed class ConfigFileCodeFixProvider : CodeFixProvider
{
    private const string Title = "Rewrite host/port/protocol as api_servers";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DeprecatedOptionInConfigFile);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => new MigrateAllFiles();

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        if (await MigratedAsync(document, context.CancellationToken).ConfigureAwait(false) is not { } migrated) return;
        context.RegisterCodeFix(
            CodeAction.Create(Title, ct => Task.FromResult(document.Project.Solution.WithAdditionalDocumentText(document.Id, migrated)), equivalenceKey: Title),
            context.Diagnostics);
    }

    private static async Task<SourceText?> MigratedAsync(TextDocument document, CancellationToken cancellationToken)
    {
        if (ConfigScanner.KindFromPath(document.FilePath ?? document.Name) is not { } kind) return null;
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var original = text.ToString();
        var migrated = ConfigMigration.Migrate(original, kind);
        return ReferenceEquals(migrated, original) || migrated == original ? null : SourceText.From(migrated, text.Encoding, text.ChecksumAlgorithm);
    }

    /// <summary>One fix rewrites a whole file, so Fix All migrates every configuration file that has a diagnostic in scope.</summary>
    private sealed class MigrateAllFiles : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(Title, ct => MigrateAsync(fixAllContext, ct), equivalenceKey: Title));

        private static async Task<Solution> MigrateAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            var projects = context.Scope == FixAllScope.Solution ? solution.Projects : new[] { context.Project };
            foreach (var project in projects)
            {
                var diagnostics = await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                var paths = new HashSet<string>(diagnostics.Where(d => d.Location.Kind == LocationKind.ExternalFile).Select(d => d.Location.GetLineSpan().Path));
                foreach (var document in project.AdditionalDocuments)
                {
                    if (document.FilePath is null || !paths.Contains(document.FilePath)) continue;
                    if (await MigratedAsync(document, cancellationToken).ConfigureAwait(false) is { } migrated)
                        solution = solution.WithAdditionalDocumentText(document.Id, migrated);
                }
            }
            return solution;
        }
    }
}
