using System.Diagnostics;
using System.Text.RegularExpressions;
using NovaImage.Analyzers.Tests.Infrastructure;

namespace NovaImage.Analyzers.Tests;

/// <summary>
/// Builds samples/NovaImage.LegacySample with the real compiler (dotnet build) and asserts the exact NIMG output: the
/// analyzer loads in a consumer, reads its AdditionalFiles, and honours severity configuration.
/// </summary>
public sealed partial class LegacySampleBuildTests
{
    private static readonly string[] Expected =
    [
        "LegacyV1Cleanup.cs(6,73): warning NIMG0301",
        "Program.cs(6,5): warning NIMG0101",
        "Program.cs(7,5): warning NIMG0101",
        "Program.cs(8,5): warning NIMG0101",
        "Program.cs(9,18): warning NIMG0302",
        "Program.cs(10,41): warning NIMG0401",
        "Program.cs(15,5): warning NIMG0301",
        "Program.cs(16,5): warning NIMG0301",
        "Program.cs(19,47): warning NIMG0301",
        "appsettings.json(4,5): warning NIMG0201",
        "appsettings.json(5,5): warning NIMG0201",
        "nova.conf(6,1): warning NIMG0201",
        "nova.conf(7,1): warning NIMG0201",
        "nova.conf(8,1): warning NIMG0201",
        "nova.conf(9,1): warning NIMG0303",
        "nova.conf(10,36): warning NIMG0401",
    ];

    [Fact]
    public async Task The_legacy_sample_shows_exactly_the_expected_warnings()
    {
        var (exitCode, lines) = await BuildAsync("-p:LegacySampleWarnings=true");

        Assert.Equal(0, exitCode);
        Assert.Equal(Expected.Order(StringComparer.Ordinal), lines);
    }

    [Fact]
    public async Task A_globalconfig_raises_and_silences_rules_in_a_real_build()
    {
        var (exitCode, lines) = await BuildAsync("-p:LegacySampleWarnings=true", "-p:LegacySampleStrict=true");

        var expected = Expected
            .Where(line => !line.EndsWith("NIMG0303", StringComparison.Ordinal))
            .Select(line => line.EndsWith("NIMG0201", StringComparison.Ordinal) ? line.Replace("warning", "error") : line)
            .Order(StringComparer.Ordinal);
        Assert.NotEqual(0, exitCode);
        Assert.Equal(expected, lines);
    }

    [Fact]
    public async Task In_the_solution_build_the_sample_is_quiet()
    {
        var (exitCode, lines) = await BuildAsync();

        Assert.Equal(0, exitCode);
        Assert.Empty(lines);
    }

    /// <summary>Rebuilds only the sample (its references are built with this test project) and collects NIMG lines.</summary>
    private static async Task<(int ExitCode, string[] Lines)> BuildAsync(params string[] properties)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0/
        var project = RepositoryRoot.Combine("samples", "NovaImage.LegacySample", "NovaImage.LegacySample.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in new[] { "build", project, "-c", configuration, "--no-incremental", "-p:BuildProjectReferences=false", "-nologo", "-clp:NoSummary" }.Concat(properties))
            start.ArgumentList.Add(argument);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;

        var lines = text.Split('\n')
            .Select(line => NimgLine().Match(line))
            .Where(match => match.Success)
            .Select(match => $"{Path.GetFileName(match.Groups["file"].Value)}({match.Groups["position"].Value}): {match.Groups["severity"].Value} {match.Groups["id"].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(lines.Length > 0 || process.ExitCode == 0, "the sample build failed without NIMG output:\n" + text);
        return (process.ExitCode, lines);
    }

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*)\((?<position>\d+,\d+)\): (?<severity>warning|error) (?<id>NIMG\d{4}):")]
    private static partial Regex NimgLine();
}
