using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.ExtensionCalls;

namespace NovaImage.Analyzers.Rules;

/// <summary>
/// A consumer's own <c>[GlanceApiVersion]</c> Refit interfaces, whose methods the generator turns into extension
/// calls of the project's clients: NIMG0902 <c>[ImageOperation]</c> or <c>Operations =</c> there (ignored),
/// NIMG0903 a method the generator cannot expose (<see cref="ExtensionCallRules"/>, the generator's own rules),
/// NIMG0904 a return or <c>[Body]</c> type none of the JSON contexts in play serializes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExtensionInterfaceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ImageOperationOnExtensionInterface,
        DiagnosticDescriptors.ExtensionCallNotExposed,
        DiagnosticDescriptors.ExtensionTypeNotSerializable);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NovaImageSymbols.Resolve(start.Compilation) is not { GlanceApiVersionAttribute: { } attributeType } symbols) return;
            // NovaImage's own interfaces (the attribute defined in this compilation) are not extensions.
            if (SymbolEqualityComparer.Default.Equals(attributeType.ContainingAssembly, start.Compilation.Assembly)) return;
            var state = new State(symbols, start.Compilation);
            start.RegisterSymbolAction(state.AnalyzeInterface, SymbolKind.NamedType);
        });
    }

    private sealed class State(NovaImageSymbols symbols, Compilation compilation)
    {
        private readonly HashSet<string> _reserved = ExtensionCallRules.ReservedNames(compilation);
        private readonly JsonContexts _json = new(compilation);

        public void AnalyzeInterface(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Interface || NovaImageSymbols.Find(type, symbols.GlanceApiVersionAttribute!) is not { } attribute) return;

            if (ExtensionCallRules.NamedArgument(attribute, ExtensionCallRules.OperationsProperty) is { } operations)
                Report(context, DiagnosticDescriptors.ImageOperationOnExtensionInterface, AttributeLocation(attribute, type), $"Operations = typeof({operations.Value})", type.Name);
            foreach (var method in ExtensionCallRules.Methods(type))
            {
                if (symbols.ImageOperationAttribute is not null && NovaImageSymbols.Find(method, symbols.ImageOperationAttribute) is { } marker)
                    Report(context, DiagnosticDescriptors.ImageOperationOnExtensionInterface, AttributeLocation(marker, method), $"[ImageOperation] on '{method.Name}'", type.Name);
            }

            if (ExtensionCallRules.InterfaceProblem(type, attribute) is { } problem)
            {
                Report(context, DiagnosticDescriptors.ExtensionCallNotExposed, FirstLocation(type), type.Name, problem);
                return;
            }

            var contexts = _json.For(ExtensionCallRules.Major(attribute), ExtensionCallRules.JsonContext(attribute));
            foreach (var method in ExtensionCallRules.Methods(type))
            {
                if (ExtensionCallRules.MethodProblem(method, _reserved) is { } methodProblem)
                {
                    Report(context, DiagnosticDescriptors.ExtensionCallNotExposed, FirstLocation(method), method.Name, methodProblem);
                    continue;
                }
                if (ExtensionCallRules.ResultType(method) is { } result && contexts.Missing(result) is { } missingResult)
                    Report(context, DiagnosticDescriptors.ExtensionTypeNotSerializable, FirstLocation(method), missingResult.ToDisplayString(), method.Name, contexts.Names);
                foreach (var parameter in method.Parameters)
                {
                    if (_json.IsBody(parameter) && contexts.Missing(parameter.Type) is { } missingBody)
                        Report(context, DiagnosticDescriptors.ExtensionTypeNotSerializable, FirstLocation(parameter), missingBody.ToDisplayString(), method.Name, contexts.Names);
                }
            }
        }

        private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object[] arguments) =>
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

        private static Location AttributeLocation(AttributeData attribute, ISymbol owner) =>
            attribute.ApplicationSyntaxReference is { } syntax ? syntax.GetSyntax().GetLocation() : FirstLocation(owner);

        private static Location FirstLocation(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;
    }
}
