using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NovaImage.Analyzers.Diagnostics;

namespace NovaImage.Analyzers.Rules;

/// <summary>
/// NIMG0301: uses of members (or members of types) marked <c>[V1Only]</c>; NIMG0302: <c>ApiVersion.V1</c> where it
/// selects the v1 API (stored, passed or returned, not compared), with the member-acceptance security note.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class V1OnlyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.V1OnlyMember, DiagnosticDescriptors.V1SelectedInCode);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NovaImageSymbols.Resolve(start.Compilation) is not { V1OnlyAttribute: not null } symbols) return;
            start.RegisterOperationAction(
                c => Analyze(c, symbols),
                OperationKind.PropertyReference,
                OperationKind.FieldReference,
                OperationKind.MethodReference,
                OperationKind.EventReference,
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, NovaImageSymbols symbols)
    {
        // Cheapest test first: most operations reference members without [V1Only] (a cached lookup per symbol).
        var operation = context.Operation;
        switch (operation)
        {
            case IFieldReferenceOperation field when symbols.IsApiVersionV1(field.Field):
                if (IsSelection(field, symbols) && !symbols.InV1OnlyContext(context.ContainingSymbol))
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.V1SelectedInCode, operation.Syntax.GetLocation()));
                return;
            case IMemberReferenceOperation reference:
                Report(context, symbols, reference.Member, operation.Syntax);
                return;
            case IInvocationOperation invocation:
                if (!Report(context, symbols, invocation.TargetMethod, invocation.Syntax is InvocationExpressionSyntax call ? call.Expression : invocation.Syntax))
                {
                    foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
                        if (Report(context, symbols, typeArgument, invocation.Syntax)) return;
                }
                return;
            case IObjectCreationOperation creation when creation.Constructor is not null:
                Report(context, symbols, creation.Constructor, creation.Syntax);
                return;
        }
    }

    /// <summary>
    /// True when the value of <paramref name="reference"/> is chosen for use: stored (assignment, initializer), passed
    /// to an <c>ApiVersion</c> parameter or returned. Code that compares with <c>ApiVersion.V1</c> (<c>==</c>,
    /// <c>is</c>, <c>case</c>, <c>Equals</c>, a generic equality helper) selects nothing, so NIMG0302 stays silent there.
    /// </summary>
    private static bool IsSelection(IOperation reference, NovaImageSymbols symbols)
    {
        // Climb through what only forwards the value: conversions and the branches of ?:, ?? and switch expressions.
        var value = reference;
        while (value.Parent is { } parent && Forwards(parent, value)) value = parent;
        return value.Parent switch
        {
            ISimpleAssignmentOperation assignment => assignment.Value == value,
            ISymbolInitializerOperation or IReturnOperation => true,
            IArgumentOperation { Parameter: { } parameter } => symbols.IsApiVersion(parameter.OriginalDefinition.Type),
            _ => false,
        };
    }

    private static bool Forwards(IOperation parent, IOperation value) => parent switch
    {
        IConversionOperation or ICoalesceOperation or ISwitchExpressionOperation => true,
        IConditionalOperation conditional => conditional.Condition != value,
        ISwitchExpressionArmOperation arm => arm.Value == value,
        _ => false,
    };

    private static bool Report(OperationAnalysisContext context, NovaImageSymbols symbols, ISymbol symbol, SyntaxNode syntax)
    {
        if (symbols.V1Only(symbol) is not { } attribute) return false;
        if (symbols.InV1OnlyContext(context.ContainingSymbol)) return true;
        var name = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor ? ctor.ContainingType.Name
            : symbol.ContainingType is { } type ? $"{type.Name}.{symbol.Name}" : symbol.Name;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.V1OnlyMember,
            syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Member, symbol.Name),
            name,
            NovaImageSymbols.FirstStringArgument(attribute) ?? "use the Glance v2 API"));
        return true;
    }
}
