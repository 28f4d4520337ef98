using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace NovaImage.Analyzers.Tests.Infrastructure;

/// <summary>Hermetic references: .NET 10 reference assemblies from Basic.Reference.Assemblies and the NovaImage runtime just built.</summary>
internal static class TestReferences
{
    public static ReferenceAssemblies Net100 { get; } = new ReferenceAssemblies("net10.0")
        .AddAssemblies(ImmutableArray<string>.Empty);

    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(GlanceOptions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Refit.IApiResponse).Assembly.Location),
    ];

    /// <summary>Applies the references to a test's <see cref="SolutionState"/> (test and fixed state alike).</summary>
    public static void Apply(SolutionState state)
    {
        state.AdditionalReferences.AddRange(All);
    }
}
