using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using NovaImage.Analyzers.Diagnostics;

namespace NovaImage.CodeFixes;

/// <summary>
/// NIMG0301 where v2 has an equivalent, inside an <c>ImageQuery</c> initializer:
/// <c>ChangesSince = t</c> → <c>UpdatedAt = TimeFilter.GreaterOrEqual(t)</c>;
/// <c>IsPublic = true/false</c> → <c>Visibility = ImageVisibility.Public/Private</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(V1OnlyCodeFixProvider)), Shared]
public sealed class V1OnlyCodeFixProvider : CodeFixProvider
{
    private const string ImageQuery = "NovaImage.ImageQuery";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.V1OnlyMember);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Member, out var member) || member is not ("ChangesSince" or "IsPublic")) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax name) continue;
            if (name.Parent is not AssignmentExpressionSyntax assignment || assignment.Left != name || assignment.Parent is not InitializerExpressionSyntax initializer) continue;
            if (model.GetSymbolInfo(name, context.CancellationToken).Symbol is not IPropertySymbol { ContainingType: { } type } || type.ToDisplayString() != ImageQuery) continue;

            var replacement = member switch
            {
                "ChangesSince" => UpdatedAt(assignment, initializer, model, context.CancellationToken),
                "IsPublic" => Visibility(assignment, initializer, model, context.CancellationToken),
                _ => null,
            };
            if (replacement is null) continue;

            var title = $"Use {((IdentifierNameSyntax)replacement.Left).Identifier.ValueText} (Glance v2)";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Replace(context.Document, root, assignment, replacement), equivalenceKey: title),
                diagnostic);
        }
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, AssignmentExpressionSyntax assignment, AssignmentExpressionSyntax replacement) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(
            assignment,
            replacement.WithTriviaFrom(assignment).WithAdditionalAnnotations(Formatter.Annotation))));

    /// <summary><c>UpdatedAt = TimeFilter.GreaterOrEqual(value)</c> when the value converts implicitly to DateTimeOffset and UpdatedAt is unset.</summary>
    private static AssignmentExpressionSyntax? UpdatedAt(AssignmentExpressionSyntax assignment, InitializerExpressionSyntax initializer, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Sets(initializer, "UpdatedAt")) return null;
        if (model.Compilation.GetTypeByMetadataName("System.DateTimeOffset") is not { } dateTimeOffset) return null;
        if (!model.ClassifyConversion(assignment.Right, dateTimeOffset).IsImplicit) return null;
        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, GlobalName("TimeFilter"), SyntaxFactory.IdentifierName("GreaterOrEqual")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(assignment.Right.WithoutTrivia()))));
        return SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("UpdatedAt"), call);
    }

    /// <summary><c>Visibility = ImageVisibility.Public</c> (true) or <c>.Private</c> (false) for a constant, when Visibility is unset.</summary>
    private static AssignmentExpressionSyntax? Visibility(AssignmentExpressionSyntax assignment, InitializerExpressionSyntax initializer, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Sets(initializer, "Visibility")) return null;
        if (model.GetConstantValue(assignment.Right, cancellationToken) is not { HasValue: true, Value: bool isPublic }) return null;
        var value = SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, GlobalName("ImageVisibility"), SyntaxFactory.IdentifierName(isPublic ? "Public" : "Private"));
        return SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Visibility"), value);
    }

    private static bool Sets(InitializerExpressionSyntax initializer, string property)
    {
        foreach (var expression in initializer.Expressions)
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && name.Identifier.ValueText == property) return true;
        return false;
    }

    /// <summary><c>global::NovaImage.X</c>, simplified to <c>X</c> where a using allows it.</summary>
    private static ExpressionSyntax GlobalName(string type) =>
        SyntaxFactory.ParseExpression("global::NovaImage." + type).WithAdditionalAnnotations(Simplifier.Annotation);
}
