using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NovaImage.ExtensionCalls;

/// <summary>
/// When a method of a consumer's own <c>[GlanceApiVersion]</c> Refit interface becomes an extension call of the
/// generated clients. Linked into the generator, which skips what these rules refuse, and into the analyzer, which
/// reports it (NIMG0903): both read the same rules, so nothing the generator drops goes unexplained.
/// </summary>
internal static class ExtensionCallRules
{
    public const string GlanceApiVersionAttribute = "NovaImage.GlanceApiVersionAttribute";
    public const string ImageOperationAttribute = "NovaImage.ImageOperationAttribute";
    public const string ImageApi = "NovaImage.IImageApi";
    public const string OperationsProperty = "Operations";
    public const string JsonContextProperty = "JsonContext";

    /// <summary>Members every generated client declares besides the <c>IImageApi</c> ones (an extension call must not take their name).</summary>
    private static readonly string[] ClientMembers = ["Create", "Dispose", "DirectStoreAdapters", "Equals", "GetHashCode", "GetType", "ToString"];

    /// <summary>
    /// True when <paramref name="attribute"/> (a <c>[GlanceApiVersion]</c>) marks an interface of a consumer: the
    /// attribute comes from the referenced NovaImage, not from the compilation itself (NovaImage's own interfaces).
    /// </summary>
    public static bool IsConsumerInterface(AttributeData attribute, Compilation compilation) =>
        attribute.AttributeClass is { } type && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly);

    /// <summary>The attribute's major version (0 when it is missing or not an int).</summary>
    public static int Major(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int major ? major : 0;

    /// <summary>The value of the named argument <paramref name="name"/>, if set.</summary>
    public static TypedConstant? NamedArgument(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
            if (argument.Key == name) return argument.Value;
        return null;
    }

    /// <summary>The class named by <c>JsonContext = typeof(...)</c>, if set.</summary>
    public static INamedTypeSymbol? JsonContext(AttributeData attribute) => NamedArgument(attribute, JsonContextProperty)?.Value as INamedTypeSymbol;

    /// <summary>The names a method of the interface must not take: <c>IImageApi</c>'s members and the generated client's own.</summary>
    public static HashSet<string> ReservedNames(Compilation compilation)
    {
        var names = new HashSet<string>(ClientMembers, System.StringComparer.Ordinal);
        if (compilation.GetTypeByMetadataName(ImageApi) is { } imageApi)
            foreach (var member in imageApi.GetMembers()) names.Add(member.Name);
        return names;
    }

    /// <summary>The interface's methods that may become calls (abstract instance methods; default-implemented or static ones are not Refit routes).</summary>
    public static IEnumerable<IMethodSymbol> Methods(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Where(m => m is { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: false });

    /// <summary>Why no method of <paramref name="type"/> can become an extension call, as an instruction; null when they can.</summary>
    public static string? InterfaceProblem(INamedTypeSymbol type, AttributeData attribute)
    {
        var major = Major(attribute);
        if (major is not (1 or 2)) return $"use Glance API major version 1 or 2 (not {major})";
        if (type.IsGenericType) return "remove the interface's type parameters";
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                return "make the interface (and the types containing it) public or internal, so the generated clients can call it";
        }
        if (NamedArgument(attribute, JsonContextProperty) is { } json && !IsJsonContext(json.Value as INamedTypeSymbol))
            return "set JsonContext to a System.Text.Json JsonSerializerContext (a partial class with [JsonSerializable] attributes)";
        return null;
    }

    /// <summary>Why <paramref name="method"/> cannot become an extension call, as an instruction; null when it can.</summary>
    public static string? MethodProblem(IMethodSymbol method, ISet<string> reservedNames)
    {
        if (method.IsGenericMethod) return "remove the method's type parameters";
        if (!IsTask(method.ReturnType)) return "return Task or Task<T>";
        if (method.Parameters.Length == 0 || !IsCancellationToken(method.Parameters[method.Parameters.Length - 1].Type))
            return "add a CancellationToken as the last parameter";
        if (method.Parameters.Any(p => p.RefKind != RefKind.None)) return "pass every parameter by value (no ref, out or in)";
        if (reservedNames.Contains(method.Name)) return $"rename it: the generated client already has a member named {method.Name}";
        return null;
    }

    /// <summary>True for the interface's type itself accessible as public all the way out (the generated member is then public, else internal).</summary>
    public static bool IsPublic(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (current.DeclaredAccessibility != Accessibility.Public) return false;
        return true;
    }

    /// <summary><c>T</c> of a <c>Task&lt;T&gt;</c>, null for a plain <c>Task</c>.</summary>
    public static ITypeSymbol? ResultType(IMethodSymbol method) =>
        method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task ? task.TypeArguments[0] : null;

    public static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static bool IsTask(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task", Arity: 0 or 1, ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    private static bool IsJsonContext(INamedTypeSymbol? type)
    {
        if (type is null or { IsAbstract: true }) return false;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.ToDisplayString() == "System.Text.Json.Serialization.JsonSerializerContext") return true;
        return false;
    }
}
