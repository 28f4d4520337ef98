using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NovaImage.Generators.Helpers;
using NovaImage.ExtensionCalls;
using NovaImage.Generators.Model;

namespace NovaImage.Generators;

public sealed partial class ImageApiGenerator
{
    /// <summary>Everything semantic happens here, once, and leaves as values.</summary>
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>
        /// <c>IImageApi</c>'s members, the versions of the assembly that defines it, and (when that assembly is a
        /// reference) its public adapters. Empty when the compilation does not see NovaImage.
        /// </summary>
        public static ContractSpec ParseContract(Compilation compilation, CancellationToken cancellationToken)
        {
            var api = compilation.GetTypeByMetadataName(ImageApiInterface);
            if (api is null) return ContractSpec.Empty;

            var members = api.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic)
                .Select(ParseMember)
                .ToEquatableArray();

            var versions = new List<VersionSpec>();
            var adapters = new List<AdapterSpec>();
            var referenced = !SymbolEqualityComparer.Default.Equals(api.ContainingAssembly, compilation.Assembly);
            foreach (var type in Types(api.ContainingAssembly.GlobalNamespace, cancellationToken))
            {
                foreach (var attribute in type.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    if (name == GlanceApiVersionAttribute && ParseVersion(type, attribute) is { } version) versions.Add(version);
                    else if (name == DirectStoreAttribute && referenced && type.DeclaredAccessibility == Accessibility.Public) adapters.AddRange(ParseAdapters(type, ImmutableArray.Create(attribute)));
                }
            }
            return new ContractSpec(
                members,
                versions.GroupBy(v => v.Major).Select(g => g.First()).OrderByDescending(v => v.Major).ToEquatableArray(),
                adapters.OrderBy(a => a.Scheme, System.StringComparer.Ordinal).ToEquatableArray());
        }

        /// <summary>The contract with the compilation's own adapters added; they take a scheme over NovaImage's.</summary>
        public static ContractSpec WithSourceAdapters(ContractSpec contract, ImmutableArray<EquatableArray<AdapterSpec>> sourceAdapters)
        {
            if (sourceAdapters.All(a => a.Count == 0)) return contract;
            var adapters = sourceAdapters.SelectMany(a => a).OrderBy(a => a.TypeName, System.StringComparer.Ordinal)
                .Concat(contract.Adapters)
                .GroupBy(a => a.Scheme)
                .Select(g => g.First())
                .OrderBy(a => a.Scheme, System.StringComparer.Ordinal);
            return contract with { Adapters = adapters.ToEquatableArray() };
        }

        public static EquatableArray<AdapterSpec> ParseAdapters(ISymbol symbol, ImmutableArray<AttributeData> attributes)
        {
            if (symbol is not INamedTypeSymbol { IsAbstract: false, IsStatic: false } type) return EquatableArray<AdapterSpec>.Empty;
            if (type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) || !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility != Accessibility.Private))
                return EquatableArray<AdapterSpec>.Empty;
            return attributes
                .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string)
                .Where(s => !string.IsNullOrWhiteSpace(s))
                .Select(s => new AdapterSpec(s!.Trim().ToLowerInvariant(), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)))
                .ToEquatableArray();
        }

        public static ApiTypeSpec ParseApiType(ISymbol symbol) =>
            new(symbol.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "",
                symbol.Name,
                symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));

        private static MemberSpec ParseMember(IMethodSymbol method)
        {
            var returnType = method.ReturnType.ToDisplayString(TypeFormat);
            var definition = method.ReturnType.OriginalDefinition.ToDisplayString();
            var shape = definition switch
            {
                "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask" => ReturnShape.Task,
                "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>" => ReturnShape.TaskOfResult,
                "System.Collections.Generic.IAsyncEnumerable<T>" => ReturnShape.AsyncEnumerable,
                _ => ReturnShape.Other,
            };
            var operation = method.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == ImageOperationAttribute)
                .Select(OperationName)
                .FirstOrDefault(o => o is not null);
            return new MemberSpec(method.Name, returnType, shape, operation, method.Parameters.Select(ParseParameter).ToEquatableArray());
        }

        /// <summary>
        /// A consumer's own <c>[GlanceApiVersion]</c> interface with the methods that can become extension calls
        /// (<see cref="ExtensionCallRules"/>, which the analyzer reports as NIMG0903); null for NovaImage's own
        /// interfaces and for an interface the rules refuse as a whole. Markers the analyzer reports as NIMG0902
        /// (<c>[ImageOperation]</c>, <c>Operations =</c>) are ignored here.
        /// </summary>
        public static ExtensionInterfaceSpec? ParseExtension(ISymbol symbol, ImmutableArray<AttributeData> attributes, Compilation compilation, CancellationToken cancellationToken)
        {
            if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type || attributes.IsDefaultOrEmpty) return null;
            var attribute = attributes[0];
            if (!ExtensionCallRules.IsConsumerInterface(attribute, compilation) || ExtensionCallRules.InterfaceProblem(type, attribute) is not null) return null;

            var reserved = ExtensionCallRules.ReservedNames(compilation);
            var calls = new List<ExtensionCallSpec>();
            foreach (var method in ExtensionCallRules.Methods(type))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ExtensionCallRules.MethodProblem(method, reserved) is not null) continue;
                calls.Add(new ExtensionCallSpec(
                    method.Name,
                    ExtensionCallRules.ResultType(method)?.ToDisplayString(TypeFormat),
                    method.Parameters.Select(ParseParameter).ToEquatableArray()));
            }
            return new ExtensionInterfaceSpec(
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                ExtensionCallRules.Major(attribute),
                ExtensionCallRules.JsonContext(attribute)?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                ExtensionCallRules.IsPublic(type),
                calls.ToEquatableArray());
        }

        /// <summary>The compilation's extension interfaces in a stable order (by name), so the clients' text does not depend on file order.</summary>
        public static EquatableArray<ExtensionInterfaceSpec> OrderExtensions(ImmutableArray<ExtensionInterfaceSpec?> interfaces) =>
            interfaces.OfType<ExtensionInterfaceSpec>().OrderBy(i => i.InterfaceName, System.StringComparer.Ordinal).ToEquatableArray();

        private static ParameterSpec ParseParameter(IParameterSymbol parameter) => new(
            parameter.Name,
            parameter.Type.ToDisplayString(TypeFormat),
            parameter.HasExplicitDefaultValue ? DefaultValue(parameter) : null,
            ExtensionCallRules.IsCancellationToken(parameter.Type));

        private static VersionSpec? ParseVersion(INamedTypeSymbol type, AttributeData attribute)
        {
            if (type.TypeKind != TypeKind.Interface || attribute.ConstructorArguments.FirstOrDefault().Value is not int major || major <= 0) return null;
            // Only interfaces that name their operations class implement IImageApi; the others are extension routes.
            var operations = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Operations").Value.Value as INamedTypeSymbol;
            if (operations is null) return null;
            var implemented = type.GetMembers().OfType<IMethodSymbol>()
                .SelectMany(m => m.GetAttributes())
                .Where(a => a.AttributeClass?.ToDisplayString() == ImageOperationAttribute)
                .Select(OperationName)
                .OfType<string>()
                .Distinct()
                .OrderBy(o => o, System.StringComparer.Ordinal)
                .ToEquatableArray();
            return new VersionSpec(major, operations.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), implemented);
        }

        private static string? OperationName(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.FirstOrDefault() is not { Type: INamedTypeSymbol enumType, Value: { } value }) return null;
            return enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
        }

        private static string DefaultValue(IParameterSymbol parameter) =>
            parameter.ExplicitDefaultValue is null
                ? "default"
                : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatPrimitive(parameter.ExplicitDefaultValue, quoteStrings: true, useHexadecimalNumbers: false);

        private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns, CancellationToken cancellationToken)
        {
            foreach (var member in ns.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is INamespaceSymbol child)
                {
                    foreach (var type in Types(child, cancellationToken)) yield return type;
                }
                else if (member is INamedTypeSymbol type)
                {
                    yield return type;
                }
            }
        }
    }
}
