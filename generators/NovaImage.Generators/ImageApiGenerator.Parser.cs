using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NovaImage.Generators.Helpers;
using NovaImage.Generators.Model;

namespace NovaImage.Generators;

public sealed partial class ImageApiGenerator
{
    /// <summary>Everything semantic happens here, once, and leaves as values.</summary>
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static VersionSpec? ParseVersion(ISymbol symbol, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
        {
            if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type) return null;
            var major = attributes.Select(a => a.ConstructorArguments.FirstOrDefault().Value).OfType<int>().FirstOrDefault();
            if (major <= 0) return null;

            var operations = new List<OperationSpec>();
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var attribute in method.GetAttributes())
                {
                    if (attribute.AttributeClass?.ToDisplayString() != "NovaImage.ImageOperationAttribute") continue;
                    if (OperationName(attribute) is not { } operation) continue;
                    operations.Add(new OperationSpec(
                        operation,
                        method.Name,
                        method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::System.Threading.Tasks.Task",
                        method.Parameters.Select(p => new ParameterSpec(p.Name, p.Type.ToDisplayString(TypeFormat), p.IsOptional)).ToEquatableArray()));
                }
            }
            return new VersionSpec(major, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), operations.ToEquatableArray());
        }

        /// <summary>
        /// When NovaImage is a referenced assembly (a consumer's compilation), its Glance interfaces and built-in adapters;
        /// empty when the attributes are defined in this compilation's own source.
        /// </summary>
        public static ClientEnvironment ParseReferencedFacts(Compilation compilation, CancellationToken cancellationToken)
        {
            var attribute = compilation.GetTypeByMetadataName(GlanceApiVersionAttribute);
            if (attribute is null || SymbolEqualityComparer.Default.Equals(attribute.ContainingAssembly, compilation.Assembly))
                return new ClientEnvironment(EquatableArray<VersionSpec>.Empty, EquatableArray<AdapterSpec>.Empty);

            var versions = new List<VersionSpec>();
            var adapters = new List<AdapterSpec>();
            foreach (var type in PublicTypes(attribute.ContainingAssembly.GlobalNamespace, cancellationToken))
            {
                var attributes = type.GetAttributes();
                var versionAttributes = attributes.Where(a => a.AttributeClass?.ToDisplayString() == GlanceApiVersionAttribute).ToImmutableArray();
                if (versionAttributes.Length > 0 && ParseVersion(type, versionAttributes, cancellationToken) is { } version) versions.Add(version);
                var storeAttributes = attributes.Where(a => a.AttributeClass?.ToDisplayString() == DirectStoreAttribute).ToImmutableArray();
                if (storeAttributes.Length > 0) adapters.AddRange(ParseAdapters(type, storeAttributes));
            }
            return new ClientEnvironment(versions.ToEquatableArray(), adapters.ToEquatableArray());
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

        public static ClientEnvironment MergeEnvironment(ImmutableArray<VersionSpec> sourceVersions, ImmutableArray<EquatableArray<AdapterSpec>> sourceAdapters, ClientEnvironment referenced)
        {
            // One interface per major: the compilation's own come first (then the first by name, deterministically),
            // and the compilation's own adapters take a scheme over the built-in ones.
            var versions = sourceVersions.OrderBy(v => v.InterfaceName, System.StringComparer.Ordinal)
                .Concat(referenced.Versions.OrderBy(v => v.InterfaceName, System.StringComparer.Ordinal))
                .GroupBy(v => v.Major)
                .Select(g => g.First())
                .OrderByDescending(v => v.Major);
            var adapters = sourceAdapters.SelectMany(a => a).OrderBy(a => a.TypeName, System.StringComparer.Ordinal)
                .Concat(referenced.Adapters)
                .GroupBy(a => a.Scheme)
                .Select(g => g.First())
                .OrderBy(a => a.Scheme, System.StringComparer.Ordinal);
            return new ClientEnvironment(versions.ToEquatableArray(), adapters.ToEquatableArray());
        }

        public static ApiTypeSpec ParseApiType(ISymbol symbol, SyntaxNode node)
        {
            var ns = symbol.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
            // The name's location: edits inside the class body leave it (and so the model) unchanged.
            var location = node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax declaration ? LocationInfo.From(declaration.Identifier) : LocationInfo.From(node);
            return new ApiTypeSpec(ns, symbol.Name, symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), location);
        }

        public static EquatableArray<DiagnosticInfo> Diagnose(ClientSpec client)
        {
            var v2 = client.Versions.FirstOrDefault(v => v.Major == 2);
            return OperationCatalog.RequiredV2Operations
                .Where(op => v2 is null || !v2.Operations.Any(o => o.Operation == op))
                .Select(op => new DiagnosticInfo(DiagnosticDescriptors.MissingV2OperationId, client.Type.Location, new[] { client.Type.Name, op }.ToEquatableArray()))
                .ToEquatableArray();
        }

        private static string? OperationName(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.FirstOrDefault() is not { Type: INamedTypeSymbol enumType, Value: { } value }) return null;
            return enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
        }

        private static IEnumerable<INamedTypeSymbol> PublicTypes(INamespaceSymbol ns, CancellationToken cancellationToken)
        {
            foreach (var member in ns.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is INamespaceSymbol child)
                {
                    foreach (var type in PublicTypes(child, cancellationToken)) yield return type;
                }
                else if (member is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type)
                {
                    yield return type;
                }
            }
        }
    }
}
