using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using NovaImage.ExtensionCalls;

namespace NovaImage.Analyzers;

/// <summary>
/// The NovaImage runtime's marker types, resolved once per compilation by metadata name, with per-symbol caches of
/// what the markers say. Null when the compilation does not reference the runtime.
/// </summary>
internal sealed class NovaImageSymbols
{
    private readonly ConcurrentDictionary<ISymbol, AttributeData?> _v1Only = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, AttributeData?> _deprecated = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, AttributeData?> _findV1Only;
    private readonly Func<ISymbol, AttributeData?> _findDeprecated;

    private NovaImageSymbols(Compilation compilation, INamedTypeSymbol glanceOptions)
    {
        GlanceOptions = glanceOptions;
        DeprecatedGlanceOptionAttribute = compilation.GetTypeByMetadataName("NovaImage.DeprecatedGlanceOptionAttribute");
        V1OnlyAttribute = compilation.GetTypeByMetadataName("NovaImage.V1OnlyAttribute");
        DirectStoreAttribute = compilation.GetTypeByMetadataName("NovaImage.DirectStoreAttribute");
        DirectStoreAdapter = compilation.GetTypeByMetadataName("NovaImage.DirectStore.IDirectStoreAdapter");
        FileDirectStoreAdapter = compilation.GetTypeByMetadataName("NovaImage.DirectStore.FileDirectStoreAdapter");
        ApiVersion = compilation.GetTypeByMetadataName("NovaImage.ApiVersion");
        GlanceApiVersionAttribute = compilation.GetTypeByMetadataName(ExtensionCallRules.GlanceApiVersionAttribute);
        ImageOperationAttribute = compilation.GetTypeByMetadataName(ExtensionCallRules.ImageOperationAttribute);
        AllowedDirectUrlSchemes = Property(glanceOptions, "AllowedDirectUrlSchemes");
        // created once: these run for every member reference in the compilation
        _findV1Only = FindV1Only;
        _findDeprecated = s => Find(s, DeprecatedGlanceOptionAttribute!);
    }

    public INamedTypeSymbol GlanceOptions { get; }
    public INamedTypeSymbol? DeprecatedGlanceOptionAttribute { get; }
    public INamedTypeSymbol? V1OnlyAttribute { get; }
    public INamedTypeSymbol? DirectStoreAttribute { get; }
    public INamedTypeSymbol? DirectStoreAdapter { get; }
    public INamedTypeSymbol? FileDirectStoreAdapter { get; }
    public INamedTypeSymbol? ApiVersion { get; }
    public INamedTypeSymbol? GlanceApiVersionAttribute { get; }
    public INamedTypeSymbol? ImageOperationAttribute { get; }
    public IPropertySymbol? AllowedDirectUrlSchemes { get; }

    public static NovaImageSymbols? Resolve(Compilation compilation) =>
        compilation.GetTypeByMetadataName("NovaImage.GlanceOptions") is { } options ? new NovaImageSymbols(compilation, options) : null;

    /// <summary>The <c>[DeprecatedGlanceOption]</c> on <paramref name="symbol"/>, if any.</summary>
    public AttributeData? DeprecatedOption(ISymbol symbol) =>
        DeprecatedGlanceOptionAttribute is null ? null : _deprecated.GetOrAdd(symbol.OriginalDefinition, _findDeprecated);

    /// <summary>The <c>[V1Only]</c> on <paramref name="symbol"/> or on a type containing it, if any.</summary>
    public AttributeData? V1Only(ISymbol symbol) =>
        V1OnlyAttribute is null ? null : _v1Only.GetOrAdd(symbol.OriginalDefinition, _findV1Only);

    private AttributeData? FindV1Only(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            if (Find(current, V1OnlyAttribute!) is { } found) return found;
        return null;
    }

    /// <summary>True inside code that is itself v1-only (as [Obsolete] code may use obsolete members silently).</summary>
    public bool InV1OnlyContext(ISymbol? containing) => containing is not null && V1Only(containing) is not null;

    public bool IsApiVersionV1(IFieldSymbol field) =>
        field.Name == "V1" && SymbolEqualityComparer.Default.Equals(field.ContainingType, ApiVersion);

    /// <summary>True for <c>ApiVersion</c> and <c>ApiVersion?</c> (not for <c>object</c>, <c>Enum</c> or a type parameter).</summary>
    public bool IsApiVersion(ITypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type,
            ApiVersion);

    public static string? FirstStringArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>The first attribute of type <paramref name="attributeType"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)) return attribute;
        return null;
    }

    private static IPropertySymbol? Property(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
            if (member is IPropertySymbol property) return property;
        return null;
    }
}
