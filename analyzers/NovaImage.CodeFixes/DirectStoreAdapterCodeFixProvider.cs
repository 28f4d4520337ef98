using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using NovaImage.Analyzers.Diagnostics;

namespace NovaImage.CodeFixes;

/// <summary>
/// NIMG0402: adds <c>IDirectStoreAdapter</c> to the base list of a <c>[DirectStore]</c> class that already has the
/// interface's methods (otherwise adding it would not compile, and no fix is offered).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DirectStoreAdapterCodeFixProvider)), Shared]
public sealed class DirectStoreAdapterCodeFixProvider : CodeFixProvider
{
    private const string Title = "Implement IDirectStoreAdapter";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DirectStoreAdapterWithoutInterface);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        if (model.Compilation.GetTypeByMetadataName("NovaImage.DirectStore.IDirectStoreAdapter") is not { } adapter) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>();
            if (declaration is null || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type) continue;
            if (!HasEveryMethod(type, adapter)) continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, async ct =>
                {
                    var editor = await DocumentEditor.CreateAsync(context.Document, ct).ConfigureAwait(false);
                    editor.AddInterfaceType(declaration, editor.Generator.TypeExpression(adapter));
                    return editor.GetChangedDocument();
                }, equivalenceKey: Title),
                diagnostic);
        }
    }

    private static bool HasEveryMethod(INamedTypeSymbol type, INamedTypeSymbol adapter) =>
        adapter.GetMembers().OfType<IMethodSymbol>().All(required => type.GetMembers(required.Name).OfType<IMethodSymbol>().Any(candidate =>
            candidate.DeclaredAccessibility == Accessibility.Public
            && !candidate.IsStatic
            && SymbolEqualityComparer.Default.Equals(candidate.ReturnType, required.ReturnType)
            && candidate.Parameters.Length == required.Parameters.Length
            && candidate.Parameters.Zip(required.Parameters, (a, b) => SymbolEqualityComparer.Default.Equals(a.Type, b.Type) && a.RefKind == b.RefKind).All(same => same)));
}
