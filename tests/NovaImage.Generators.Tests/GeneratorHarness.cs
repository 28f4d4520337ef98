using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NovaImage.Generators.Tests;

/// <summary>
/// Compiles consumer code against the real NovaImage runtime (as a metadata reference, the way a consumer sees it)
/// and the .NET 10 reference assemblies (Basic.Reference.Assemblies: no download at test time), and runs the
/// generator with step tracking.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        .. new[] { typeof(IImageApi).Assembly }
            .Concat(typeof(IImageApi).Assembly.GetReferencedAssemblies()
                .Where(n => n.Name is { } name && (name.StartsWith("Refit", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || name.StartsWith("Polly", StringComparison.Ordinal)))
                .Select(System.Reflection.Assembly.Load))
            .Select(a => MetadataReference.CreateFromFile(a.Location)),
    ];

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"File{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new ImageApiGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the driver (for incremental runs), the output compilation and the generator's diagnostics.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? Driver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    /// <summary>The generated text for hint name <paramref name="hintName"/>.</summary>
    public static string Generated(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Errors of the compilation after generation.</summary>
    public static IReadOnlyList<Diagnostic> Errors(Compilation output) =>
        [.. output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    public const string Consumer = """
        using NovaImage;
        using NovaImage.DirectStore;

        namespace Consumer.Images;

        [GlanceImageApi]
        public partial class MyImages
        {
            public string Describe() => "mine";
        }

        [GlanceApiVersion(2)]
        public interface IGlanceUsageApi
        {
            [Refit.Get("/v2/info/usage")]
            System.Threading.Tasks.Task<NovaImage.V2.GlanceUsage> GetUsageAsync(System.Threading.CancellationToken cancellationToken);
        }

        [DirectStore("memory")]
        public sealed class MemoryAdapter : IDirectStoreAdapter
        {
            public System.Threading.Tasks.ValueTask<DirectStoreOpenResult> OpenAsync(ImageLocation location, DirectStoreContext context, System.Threading.CancellationToken cancellationToken) =>
                new(DirectStoreOpenResult.Refused("test adapter"));
        }
        """;
}
