using System.Xml.Linq;

namespace NovaImage.Cli.Tests.Packaging;

/// <summary>
/// Pins the layout of the NovaImage package. One analyzer slot matters: projects that do not narrow slots by
/// compiler version (non-SDK projects) load every slot, and duplicate generators break their build.
/// </summary>
[Collection(DotnetBuildsCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    private const string Slot = "analyzers/dotnet/roslyn4.8/cs/";

    [Fact]
    public void Compile_time_assemblies_ship_in_exactly_one_analyzer_slot()
    {
        var slots = package.Entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal))
            .Select(e => e[..(e.LastIndexOf('/') + 1)]).Distinct().ToArray();
        Assert.Equal([Slot], slots);
        Assert.Equal(
            ["NovaImage.Analyzers.dll", "NovaImage.CodeFixes.dll", "NovaImage.Generators.dll"],
            package.Entries.Where(e => e.StartsWith(Slot, StringComparison.Ordinal)).Select(e => e[Slot.Length..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_compiler_floor_in_buildTransitive_matches_the_shipped_slot()
    {
        var floor = XDocument.Parse(package.ReadEntry("buildTransitive/NovaImage.props"))
            .Descendants().Single(e => e.Name.LocalName == "NovaImageMinimumCompilerVersion").Value.Trim();
        Assert.Equal(Slot, $"analyzers/dotnet/roslyn{floor}/cs/");
    }

    [Fact]
    public void The_runtime_assembly_and_its_xml_docs_are_in_lib_for_both_frameworks_and_nothing_else_is()
    {
        Assert.Equal(
            ["lib/net10.0/NovaImage.dll", "lib/net10.0/NovaImage.xml", "lib/net8.0/NovaImage.dll", "lib/net8.0/NovaImage.xml"],
            package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_assembly_is_shipped_twice_for_the_same_target_and_no_Roslyn_assembly_is_shipped()
    {
        var dlls = package.Entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToArray();
        var analyzerNames = dlls.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Select(e => System.IO.Path.GetFileName(e)).ToArray();
        var libNames = dlls.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Select(e => System.IO.Path.GetFileName(e)).Distinct().ToArray();
        Assert.Equal(analyzerNames.Distinct().Count(), analyzerNames.Length);
        Assert.Empty(analyzerNames.Intersect(libNames));
        Assert.Equal(["NovaImage.dll"], libNames);
        Assert.DoesNotContain(dlls, e => System.IO.Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void BuildTransitive_carries_the_compiler_check_and_the_config_file_inputs()
    {
        Assert.Contains("buildTransitive/NovaImage.props", package.Entries);
        var targets = package.ReadEntry("buildTransitive/NovaImage.targets");
        Assert.Contains("Code=\"NIMG9001\"", targets);
        Assert.Contains("NovaImageAnalyzeConfigFiles", targets);
        Assert.Contains("AdditionalFiles", targets);
    }

    [Fact]
    public void The_nuspec_depends_only_on_runtime_packages()
    {
        var dependencies = package.Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")!.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("Refit", dependencies);
        Assert.All(dependencies, id => Assert.True(id == "Refit" || id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || id is "Polly.Core" or "SharpYaml" or "BouncyCastle.Cryptography",
            $"unexpected package dependency {id}"));
        var groups = package.Nuspec.Descendants().Where(e => e.Name.LocalName == "group").Select(e => e.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["net10.0", "net8.0"], groups);
    }

    [Fact]
    public void Readme_license_and_source_repository_are_declared()
    {
        Assert.Equal("README.md", package.Metadata("readme")?.Value);
        Assert.Contains("README.md", package.Entries);
        Assert.Contains("[GlanceImageApi]", package.ReadEntry("README.md"));
        var license = package.Metadata("license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("Apache-2.0", license?.Value);
        // SourceLink stamps the commit the package was built from.
        var repository = package.Metadata("repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository?.Attribute("commit")?.Value ?? "");
    }
}
