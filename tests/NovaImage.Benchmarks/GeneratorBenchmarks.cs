using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NovaImage.Generators;

namespace NovaImage.Benchmarks;

/// <summary>
/// The source generator on a large consumer compilation: a <c>[GlanceImageApi]</c> client, 100 extension interfaces
/// of 5 calls each (500 members generated into the client), 20 direct-store adapters and 200 unrelated types.
/// A first run (a new driver, as a build does), and a run after an unrelated edit on a driver that already ran (as
/// the IDE does on each keystroke: everything should come from the cache).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Interfaces = 100;
    private const int CallsPerInterface = 5;
    private const int Adapters = 20;
    private const int UnrelatedTypes = 200;

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The consumer sees NovaImage and what its public API exposes (Refit, Microsoft.Extensions, Polly) as metadata.
        var runtime = typeof(IImageApi).Assembly;
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Concat(new[] { runtime }
                .Concat(runtime.GetReferencedAssemblies()
                    .Where(n => n.Name is { } name && (name.StartsWith("Refit", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || name.StartsWith("Polly", StringComparison.Ordinal)))
                    .Select(System.Reflection.Assembly.Load))
                .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)))
            .ToImmutableArray();
        _compilation = CSharpCompilation.Create("Consumer",
            [Parse(Client(), "Client.cs"), Parse(ExtensionInterfaces(), "Extensions.cs"), Parse(DirectStoreAdapters(), "Adapters.cs"), Parse(Unrelated(0), "Unrelated.cs")],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var unrelated = _compilation.SyntaxTrees.Single(t => t.FilePath == "Unrelated.cs");
        _edited = _compilation.ReplaceSyntaxTree(unrelated, Parse(Unrelated(1), "Unrelated.cs"));
        _warm = NewDriver().RunGenerators(_compilation);
        var generated = _warm.GetRunResult();
        if (generated.Diagnostics.Length > 0 || generated.GeneratedTrees.Length == 0)
            throw new InvalidOperationException($"The generator did not run cleanly: {string.Join("; ", generated.Diagnostics)}");
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver AfterUnrelatedEdit() => _warm.RunGenerators(_edited);

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new ImageApiGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: path);

    private static string Client() => """
        using NovaImage;
        namespace Consumer.Images;

        [GlanceImageApi]
        public partial class CloudImages
        {
        }
        """;

    private static string ExtensionInterfaces()
    {
        var text = new StringBuilder("using System.Threading;\nusing System.Threading.Tasks;\nusing NovaImage;\nusing Refit;\nnamespace Consumer.Images;\n");
        for (var i = 0; i < Interfaces; i++)
        {
            text.Append("[GlanceApiVersion(2)]\npublic interface IExtension").Append(i).Append("Api\n{\n");
            for (var j = 0; j < CallsPerInterface; j++)
            {
                text.Append("    [Get(\"/v2/extension").Append(i).Append("/call").Append(j).Append("\")]\n")
                    .Append("    Task<NovaImage.V2.GlanceUsage> Extension").Append(i).Append("Call").Append(j)
                    .Append("Async([Query] string? filter, CancellationToken cancellationToken);\n");
            }
            text.Append("}\n");
        }
        return text.ToString();
    }

    private static string DirectStoreAdapters()
    {
        var text = new StringBuilder("using System.Threading;\nusing System.Threading.Tasks;\nusing NovaImage;\nusing NovaImage.DirectStore;\nnamespace Consumer.Images;\n");
        for (var i = 0; i < Adapters; i++)
        {
            text.Append("[DirectStore(\"store").Append(i).Append("\")]\npublic sealed class Store").Append(i).Append("Adapter : IDirectStoreAdapter\n{\n")
                .Append("    public ValueTask<DirectStoreOpenResult> OpenAsync(ImageLocation location, DirectStoreContext context, CancellationToken cancellationToken) =>\n")
                .Append("        new(DirectStoreOpenResult.Refused(\"benchmark\"));\n}\n");
        }
        return text.ToString();
    }

    // Code the generator does not care about; the edit changes one method body.
    private static string Unrelated(int version)
    {
        var text = new StringBuilder("namespace Consumer.Other;\n");
        for (var i = 0; i < UnrelatedTypes; i++)
            text.Append("public sealed class Unrelated").Append(i).Append(" { public int Value() => ").Append(i == 0 ? version : i).Append("; }\n");
        return text.ToString();
    }
}
