using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.Analyzers.Tests.Infrastructure;
using NovaImage.CodeFixes;

namespace NovaImage.Analyzers.Tests;

/// <summary>Guards on the rule catalogue: every rule shipped by the analyzer has its page, release entry and help link.</summary>
public sealed class RuleCatalogueTests
{
    private static readonly DiagnosticAnalyzer[] Analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    private static readonly CodeFixProvider[] Fixers = typeof(DeprecatedOptionCodeFixProvider).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CodeFixProvider)) && !t.IsAbstract)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToArray();

    public static TheoryData<string> RuleIds() => new(Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct());

    private static DiagnosticDescriptor Descriptor(string id) => Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);

    [Fact]
    public void The_analyzer_ships_every_rule_of_the_catalogue_once()
    {
        var constants = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).Order().ToArray();
        var supported = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Order().ToArray();

        Assert.Equal(constants, supported);
        Assert.All(supported, id => Assert.Matches(@"^NIMG0[1-9]\d\d$", id)); // 9xxx are build (MSBuild) errors
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_help_page_that_says_what_why_how_to_fix_and_how_to_suppress(string id)
    {
        var page = RepositoryRoot.Combine("docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no help page at docs/diagnostics/{id}.md");
        var text = File.ReadAllText(page);
        var descriptor = Descriptor(id);

        Assert.StartsWith($"# {id}: {descriptor.Title}", text);
        foreach (var heading in new[] { "## What", "## Why", "## How to fix", "## How to suppress" }) Assert.Contains(heading, text);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", text);
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", text);
        Assert.Contains($"| Code fix | {(Fixers.Any(f => f.FixableDiagnosticIds.Contains(id)) ? "yes" : "no")} |", text);
        Assert.Equal($"https://github.com/novaimage/novaimage/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(RepositoryRoot.Combine("docs", "diagnostics", "README.md")));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_release_tracking_entry_matching_its_descriptor(string id)
    {
        var folder = RepositoryRoot.Combine("analyzers", "NovaImage.Analyzers");
        var entries = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md")))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .ToArray();
        var descriptor = Descriptor(id);

        var entry = Assert.Single(entries);
        Assert.Equal(descriptor.Category, entry[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), entry[2]);
    }

    [Fact]
    public void A_help_page_without_a_rule_is_a_retired_rule_listed_as_such()
    {
        var ids = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var index = File.ReadAllText(RepositoryRoot.Combine("docs", "diagnostics", "README.md"));
        var retired = Directory.GetFiles(RepositoryRoot.Combine("docs", "diagnostics"), "NIMG*.md")
            .Where(page => !ids.Contains(Path.GetFileNameWithoutExtension(page)))
            .ToArray();

        Assert.All(retired, page =>
        {
            var id = Path.GetFileNameWithoutExtension(page);
            Assert.Contains("## Retired", File.ReadAllText(page));
            Assert.Contains($"| [{id}]({id}.md) | retired", index);
        });
    }

    [Fact]
    public void Every_message_says_what_to_do_and_every_fixer_fixes_a_shipped_rule_with_fix_all()
    {
        foreach (var descriptor in Analyzers.SelectMany(a => a.SupportedDiagnostics))
            Assert.Matches(new Regex(@"\b(use|add|implement|remove|list|select|put)\b", RegexOptions.IgnoreCase), descriptor.MessageFormat.ToString());
        var supported = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        foreach (var fixer in Fixers)
        {
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, supported));
            Assert.NotNull(fixer.GetFixAllProvider());
        }
    }
}
