using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NovaImage.Analyzers.Diagnostics;

namespace NovaImage.Analyzers.Rules;

/// <summary>NIMG0101: every read or write of a property marked <c>[DeprecatedGlanceOption]</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeprecatedOptionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DeprecatedOptionInCode);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NovaImageSymbols.Resolve(start.Compilation) is not { DeprecatedGlanceOptionAttribute: not null } symbols) return;
            start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.PropertyReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, NovaImageSymbols symbols)
    {
        var property = ((IPropertyReferenceOperation)context.Operation).Property;
        if (symbols.DeprecatedOption(property) is not { } attribute) return;
        if (symbols.DeprecatedOption(context.ContainingSymbol) is not null) return; // the deprecated member's own accessors

        var option = NovaImageSymbols.FirstStringArgument(attribute) ?? property.Name;
        var replacement = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        var replacementProperty = PascalCase(replacement);
        var target = replacementProperty is not null && property.ContainingType.GetMembers(replacementProperty).Length > 0
            ? $"{property.ContainingType.Name}.{replacementProperty} ({replacement})"
            : replacement ?? "the replacement option";

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.DeprecatedOptionInCode,
            context.Operation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Option, option),
            $"{property.ContainingType.Name}.{property.Name}",
            option,
            target));
    }

    /// <summary>Nova's snake_case option name as the C# property name (<c>api_servers</c> → <c>ApiServers</c>).</summary>
    private static string? PascalCase(string? option)
    {
        if (string.IsNullOrEmpty(option)) return null;
        var parts = option!.Split('_');
        for (var i = 0; i < parts.Length; i++)
            if (parts[i].Length > 0) parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i].Substring(1);
        return string.Concat(parts);
    }
}
