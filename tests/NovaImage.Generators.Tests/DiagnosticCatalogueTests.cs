using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NovaImage.Generators.Tests;

/// <summary>Every generator diagnostic has a help page and a release-tracking entry.</summary>
public sealed class DiagnosticCatalogueTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NovaImage.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("NovaImage.sln not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> Ids() =>
        [.. typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_help_page_release_entry_and_matching_link(string id)
    {
        var root = RepositoryRoot();
        var page = Path.Combine(root, "docs", "diagnostics", id + ".md");
        var descriptor = DiagnosticDescriptors.ById(id);

        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page));
        Assert.EndsWith($"/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.StartsWith("NIMG09", id);
        Assert.Contains($"{id} |", File.ReadAllText(Path.Combine(root, "generators", "NovaImage.Generators", "AnalyzerReleases.Unshipped.md")));
    }
}
