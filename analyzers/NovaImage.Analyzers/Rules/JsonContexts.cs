using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NovaImage.Analyzers.Rules;

/// <summary>
/// What the System.Text.Json contexts an extension call uses can serialize: the types their
/// <c>[JsonSerializable]</c> attributes list, with what those types reach (property types, type arguments, array
/// elements), as the source generator includes them. Resolved once per compilation, cached per context set.
/// </summary>
internal sealed class JsonContexts
{
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _serializable;
    private readonly INamedTypeSymbol? _body;
    private readonly ITypeSymbol?[] _exempt;
    private readonly ITypeSymbol?[] _apiResponses;
    private readonly ConcurrentDictionary<(int Major, INamedTypeSymbol? Context), Set> _sets = new();

    public JsonContexts(Compilation compilation)
    {
        _compilation = compilation;
        _serializable = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializableAttribute");
        _body = compilation.GetTypeByMetadataName("Refit.BodyAttribute");
        _apiResponses = [compilation.GetTypeByMetadataName("Refit.IApiResponse`1"), compilation.GetTypeByMetadataName("Refit.ApiResponse`1")];
        // Refit sends and reads these as they are; no serializer touches them.
        _exempt =
        [
            compilation.GetSpecialType(SpecialType.System_String),
            compilation.GetTypeByMetadataName("System.IO.Stream"),
            compilation.GetTypeByMetadataName("System.Net.Http.HttpResponseMessage"),
            compilation.GetTypeByMetadataName("System.Net.Http.HttpContent"),
            compilation.GetTypeByMetadataName("Refit.IApiResponse"),
        ];
    }

    /// <summary>True for a parameter Refit sends as the request body.</summary>
    public bool IsBody(IParameterSymbol parameter) =>
        _body is not null && parameter.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _body));

    /// <summary>The contexts of an interface of Glance API <paramref name="major"/> naming <paramref name="context"/> (or none).</summary>
    public Set For(int major, INamedTypeSymbol? context) => _sets.GetOrAdd((major, context), key => Build(key.Major, key.Context));

    private Set Build(int major, INamedTypeSymbol? context)
    {
        var contexts = new List<INamedTypeSymbol>();
        if (_compilation.GetTypeByMetadataName(major == 1 ? "NovaImage.V1.GlanceV1JsonContext" : "NovaImage.V2.GlanceV2JsonContext") is { } novaImage) contexts.Add(novaImage);
        if (context is not null) contexts.Add(context);

        var reachable = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var attribute in contexts.SelectMany(c => c.GetAttributes()))
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _serializable)
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol listed)
                Reach(listed, reachable);
        }
        return new Set(this, reachable, string.Join(", ", contexts.Select(c => c.Name)));
    }

    private static void Reach(ITypeSymbol type, HashSet<ITypeSymbol> reachable)
    {
        if (!reachable.Add(type)) return;
        switch (type)
        {
            case IArrayTypeSymbol array:
                Reach(array.ElementType, reachable);
                break;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments) Reach(argument, reachable);
                // The source generator includes the types of serialized properties; the BCL's own types are leaves.
                if (named.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal))) break;
                foreach (var property in named.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property is { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public }) Reach(property.Type, reachable);
                }
                break;
        }
    }

    /// <summary>The types one set of contexts serializes.</summary>
    public sealed class Set(JsonContexts owner, HashSet<ITypeSymbol> reachable, string names)
    {
        /// <summary>The contexts' names, for messages.</summary>
        public string Names { get; } = names;

        /// <summary>The type a context must list for <paramref name="type"/> to travel (itself, or the T of an API response); null when none is needed.</summary>
        public ITypeSymbol? Missing(ITypeSymbol type)
        {
            // IApiResponse<T> and ApiResponse<T> deserialize their T.
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } response
                && owner._apiResponses.Contains(response.OriginalDefinition, SymbolEqualityComparer.Default))
                return Missing(response.TypeArguments[0]);
            for (var current = type; current is not null; current = current.BaseType)
                if (owner._exempt.Contains(current, SymbolEqualityComparer.Default)) return null;
            return reachable.Contains(type) ? null : type;
        }
    }
}
