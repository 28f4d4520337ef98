using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Steps = NovaImage.Generators.ImageApiGenerator.Steps;

namespace NovaImage.Generators.Tests;

/// <summary>
/// The pipeline's caching. The semantic transforms (<c>ForAttributeWithMetadataName</c>'s, and the projection of the
/// compilation) run again whenever the compilation changes, so after an unrelated edit they report Unchanged (equal
/// values); every step after them, and the source output, must then be Cached. An equivalent edit of the client gives
/// Unchanged, a real edit Modified, and a second client leaves the first Cached.
/// </summary>
public sealed class ImageApiGeneratorIncrementalTests
{
    private static readonly string[] TransformSteps = [Steps.Contract, Steps.SourceAdapters, Steps.ApiTypes, Steps.ExtensionInterfaces];
    private static readonly string[] SharedSteps = [Steps.Extensions, Steps.Clients];

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(CSharpCompilation compilation, Func<CSharpCompilation, CSharpCompilation> edit)
    {
        var (driver, _, _) = GeneratorHarness.Run(compilation);
        var first = driver.GetRunResult().Results.Single();
        var (driver2, _, _) = GeneratorHarness.Run(edit(compilation), driver);
        return (first, driver2.GetRunResult().Results.Single());
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason) : [];

    private static CSharpCompilation ReplaceSource(CSharpCompilation compilation, int index, Func<string, string> change)
    {
        var tree = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(change(tree.GetText().ToString()))));
    }

    [Fact]
    public void Every_step_is_Cached_after_an_unrelated_edit()
    {
        var (_, second) = RunTwice(GeneratorHarness.Compile(GeneratorHarness.Consumer, "class Other { }"),
            c => ReplaceSource(c, 1, s => s.Replace("class Other { }", "class Other { int _x; }")));

        foreach (var step in TransformSteps)
        {
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"{step}: {r}"));
        }
        foreach (var step in SharedSteps)
        {
            Assert.All(Reasons(second, step), r => Assert.True(r == IncrementalStepRunReason.Cached, $"{step}: {r}"));
        }
        Assert.NotEmpty(Reasons(second, Steps.Clients));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_comment_added_above_the_namespace_leaves_every_step_Cached_or_Unchanged()
    {
        var (_, second) = RunTwice(GeneratorHarness.Compile(GeneratorHarness.Consumer),
            c => ReplaceSource(c, 0, s => "// a comment above the namespace moves every declaration of the file\n" + s));

        foreach (var step in TransformSteps.Concat(SharedSteps))
        {
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"{step}: {r}"));
        }
        Assert.NotEmpty(Reasons(second, Steps.ApiTypes));
        Assert.NotEmpty(Reasons(second, Steps.ExtensionInterfaces));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_equivalent_edit_to_the_client_class_gives_Unchanged()
    {
        var (_, second) = RunTwice(GeneratorHarness.Compile(GeneratorHarness.Consumer),
            c => ReplaceSource(c, 0, s => s.Replace("public string Describe() => \"mine\";", "public string Describe() => \"mine, edited\"; // a body edit")));

        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, Steps.ApiTypes));
        Assert.All(Reasons(second, Steps.Clients), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_new_adapter_is_a_real_edit_that_reaches_the_output_as_Modified()
    {
        var (_, second) = RunTwice(GeneratorHarness.Compile(GeneratorHarness.Consumer),
            c => ReplaceSource(c, 0, s => s.Replace("[DirectStore(\"memory\")]", "[DirectStore(\"memory\")]\n[DirectStore(\"nfs\")]")));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, Steps.SourceAdapters));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, Steps.Clients));
        Assert.Contains(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("[\"nfs\"] = static () => new global::Consumer.Images.MemoryAdapter(),", second.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void A_new_extension_method_is_a_real_edit_that_reaches_the_output_as_Modified()
    {
        var (_, second) = RunTwice(GeneratorHarness.Compile(GeneratorHarness.Consumer),
            c => ReplaceSource(c, 0, s => s.Replace(
                "GetUsageAsync(System.Threading.CancellationToken cancellationToken);",
                "GetUsageAsync(System.Threading.CancellationToken cancellationToken);\n    [Refit.Delete(\"/v2/cache\")] System.Threading.Tasks.Task ClearCacheAsync(System.Threading.CancellationToken cancellationToken);")));

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, Steps.ExtensionInterfaces));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, Steps.Extensions));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, Steps.Clients));
        Assert.Contains("public global::System.Threading.Tasks.Task ClearCacheAsync(global::System.Threading.CancellationToken cancellationToken = default) =>", second.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void An_equivalent_edit_to_an_extension_interface_gives_Unchanged_and_leaves_the_clients_Cached()
    {
        var (_, second) = RunTwice(GeneratorHarness.Compile(GeneratorHarness.Consumer),
            c => ReplaceSource(c, 0, s => s.Replace("[Refit.Get(\"/v2/info/usage\")]", "[Refit.Get(\"/v2/info/usage\")] // the route Glance 2.13 serves")));

        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, Steps.ExtensionInterfaces));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(second, Steps.Extensions));
        Assert.All(Reasons(second, Steps.Clients), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Renaming_the_client_class_is_a_real_edit()
    {
        var (_, second) = RunTwice(GeneratorHarness.Compile(GeneratorHarness.Consumer),
            c => ReplaceSource(c, 0, s => s.Replace("partial class MyImages", "partial class OurImages")));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, Steps.ApiTypes).Concat(Reasons(second, Steps.Clients)));
        Assert.Equal("Consumer.Images.OurImages.g.cs", second.GeneratedSources.Single().HintName);
    }

    [Fact]
    public void A_second_client_leaves_the_first_Cached()
    {
        var (_, second) = RunTwice(GeneratorHarness.Compile(GeneratorHarness.Consumer),
            c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer.Other; [NovaImage.GlanceImageApi] partial class MoreImages { }", GeneratorHarness.ParseOptions, path: "More.cs")));

        var clients = second.TrackedSteps[Steps.Clients].SelectMany(r => r.Outputs).ToList();
        Assert.Equal(2, clients.Count);
        Assert.Contains(clients, o => o.Reason == IncrementalStepRunReason.Cached);
        Assert.Contains(clients, o => o.Reason == IncrementalStepRunReason.New);
        Assert.Equal(["Consumer.Images.MyImages.g.cs", "Consumer.Other.MoreImages.g.cs"], second.GeneratedSources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void A_cloned_compilation_gives_the_same_output_with_every_step_cached()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.Consumer);
        var (first, second) = RunTwice(compilation, c => c.Clone());

        Assert.Equal(first.GeneratedSources.Single().SourceText.ToString(), second.GeneratedSources.Single().SourceText.ToString());
        foreach (var step in SharedSteps)
        {
            Assert.All(Reasons(second, step), r => Assert.True(r == IncrementalStepRunReason.Cached, $"{step}: {r}"));
        }
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
