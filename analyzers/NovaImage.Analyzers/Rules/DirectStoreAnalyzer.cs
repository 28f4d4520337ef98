using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.ConfigFiles;

namespace NovaImage.Analyzers.Rules;

/// <summary>
/// NIMG0401: a scheme allowed for direct download (constant strings put in <c>GlanceOptions.AllowedDirectUrlSchemes</c>,
/// or listed in a configuration file) that no adapter in the compilation handles; NIMG0402: a <c>[DirectStore]</c>
/// class that does not implement <c>IDirectStoreAdapter</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DirectStoreAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DirectSchemeWithoutAdapter, DiagnosticDescriptors.DirectStoreAdapterWithoutInterface);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NovaImageSymbols.Resolve(start.Compilation) is not { DirectStoreAttribute: not null } symbols) return;
            var state = new State(symbols);
            start.RegisterSymbolAction(state.AnalyzeType, SymbolKind.NamedType);
            if (symbols.AllowedDirectUrlSchemes is not null)
                start.RegisterOperationAction(state.AnalyzeOperation, OperationKind.Invocation, OperationKind.SimpleAssignment);
            start.RegisterCompilationEndAction(state.ReportSchemesWithoutAdapter);
        });
    }

    private sealed class State(NovaImageSymbols symbols)
    {
        private readonly ConcurrentDictionary<string, byte> _adapters = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentQueue<(string Scheme, Location Location)> _allowedInCode = new();

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            foreach (var attribute in type.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.DirectStoreAttribute)) continue;
                var scheme = NovaImageSymbols.FirstStringArgument(attribute) ?? "";
                _adapters.TryAdd(scheme, 0);
                if (symbols.DirectStoreAdapter is not null && !type.AllInterfaces.Contains(symbols.DirectStoreAdapter, SymbolEqualityComparer.Default))
                {
                    var location = type.Locations.Length > 0 ? type.Locations[0] : Location.None;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DirectStoreAdapterWithoutInterface, location, type.Name, scheme));
                }
            }
        }

        public void AnalyzeOperation(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                // options.AllowedDirectUrlSchemes.Add("rbd"), AllowedDirectUrlSchemes = { "rbd" }, new List<string> { "rbd" }
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add when IsAllowedSchemes(TargetCollection(add)):
                    Collect(add.Arguments[0].Value);
                    break;
                // AllowedDirectUrlSchemes = ["rbd"] or new[] { "rbd" }
                case ISimpleAssignmentOperation assignment when IsAllowedSchemes(assignment.Target):
                    foreach (var descendant in assignment.Value.DescendantsAndSelf())
                    {
                        if (descendant is ILiteralOperation literal
                            && (literal.Parent is IArrayInitializerOperation || literal.Syntax.Parent is ExpressionElementSyntax))
                            Collect(literal);
                    }
                    break;
            }
        }

        private void Collect(IOperation value)
        {
            if (value.ConstantValue is { HasValue: true, Value: string scheme })
                _allowedInCode.Enqueue((scheme, value.Syntax.GetLocation()));
        }

        private bool IsAllowedSchemes(IOperation? target) =>
            target is IPropertyReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, symbols.AllowedDirectUrlSchemes);

        /// <summary>The collection an <c>Add</c> goes to, looking through collection initializers to the member they initialize.</summary>
        private static IOperation? TargetCollection(IInvocationOperation add)
        {
            if (add.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }) return add.Instance;
            for (var current = add.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IMemberInitializerOperation member: return member.InitializedMember;
                    case ISimpleAssignmentOperation assignment: return assignment.Target;
                    case IObjectOrCollectionInitializerOperation or IObjectCreationOperation or IConversionOperation: continue;
                    default: return null;
                }
            }
            return null;
        }

        public void ReportSchemesWithoutAdapter(CompilationAnalysisContext context)
        {
            // The runtime ships the file adapter (Nova's only built-in direct-download module); read its schemes from
            // its [DirectStore] when the referenced runtime has it, else take "file" as the contract says.
            var adapters = new HashSet<string>(_adapters.Keys, StringComparer.OrdinalIgnoreCase) { "file" };
            if (symbols.FileDirectStoreAdapter is { } file)
            {
                foreach (var attribute in file.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.DirectStoreAttribute))
                        adapters.Add(NovaImageSymbols.FirstStringArgument(attribute) ?? "");
                }
            }

            foreach (var (scheme, location) in _allowedInCode)
                if (!adapters.Contains(scheme)) context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DirectSchemeWithoutAdapter, location, scheme));

            foreach (var additional in context.Options.AdditionalFiles)
            {
                if (ConfigScanner.KindFromPath(additional.Path) is not { } kind) continue;
                if (additional.GetText(context.CancellationToken)?.ToString() is not { } text) continue;
                foreach (var finding in ConfigScanner.Find(text, kind))
                {
                    if (finding.Issue == ConfigIssue.DirectUrlScheme && !adapters.Contains(finding.Value))
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DirectSchemeWithoutAdapter, ConfigFileLocations.Of(additional, finding), finding.Value));
                }
            }
        }
    }
}
