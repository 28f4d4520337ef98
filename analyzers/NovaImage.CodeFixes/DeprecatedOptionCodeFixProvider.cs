using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using NovaImage.Analyzers.Diagnostics;

namespace NovaImage.CodeFixes;

/// <summary>NIMG0101: replaces the deprecated host/port/protocol assignments with one ApiServers entry.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeprecatedOptionCodeFixProvider)), Shared]
public sealed class DeprecatedOptionCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use ApiServers instead of host/port/protocol";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DeprecatedOptionInCode);

    // One diagnostic per option but one edit per group, so Fix All gathers the groups first (a batch fixer would
    // see three identical overlapping edits).
    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
        await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            // The fix knows Nova's host/port/protocol triple; an option deprecated later gets a report but no fix.
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Option, out var option) || option is not ("host" or "port" or "protocol")) continue;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (DeprecatedOptionGroup.Find(node, model, context.CancellationToken) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey: nameof(DeprecatedOptionCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var model = editor.SemanticModel;
        var groups = new List<DeprecatedOptionGroup>();
        var seen = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (DeprecatedOptionGroup.Find(node, model, cancellationToken) is { } group && seen.Add(group.Nodes[0])) groups.Add(group);
        }
        if (groups.Count == 0) return document;

        foreach (var group in groups)
        {
            var first = group.Nodes[0];
            if (group.Server is { } server)
                editor.ReplaceNode(first, Replacement(group.Receiver, server).WithTriviaFrom(first));
            else
                editor.RemoveNode(first);
            foreach (var node in group.Nodes.Skip(1)) editor.RemoveNode(node);
        }
        return editor.GetChangedDocument();
    }

    /// <summary><c>ApiServers = { server }</c> in an initializer; <c>receiver.ApiServers.Add(server);</c> as a statement.</summary>
    private static SyntaxNode Replacement(ExpressionSyntax? receiver, ExpressionSyntax server) =>
        receiver is null
            // a member initializer only parses inside an object initializer
            ? ((ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression($"new T {{ ApiServers = {{ {server.WithoutTrivia()} }} }}")).Initializer!.Expressions[0]
            : SyntaxFactory.ParseStatement($"{receiver.WithoutTrivia()}.ApiServers.Add({server.WithoutTrivia()});");
}
