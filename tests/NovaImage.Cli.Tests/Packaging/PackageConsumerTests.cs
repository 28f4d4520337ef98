using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Packaging;

/// <summary>
/// samples/NovaImage.PackageConsumer builds against the PACKED package from the local feed (its own nuget.config
/// and packages folder): the generator and the analyzer must run there exactly as they do inside the repository.
/// </summary>
[Collection(DotnetBuildsCollection.Name)]
public sealed class PackageConsumerTests(PackedPackage package)
{
    private static readonly string Project = Repository.PathOf("samples", "NovaImage.PackageConsumer", "NovaImage.PackageConsumer.csproj");

    [Fact]
    public async Task The_consumer_builds_from_the_local_feed_with_generated_client_and_analyzer_warnings()
    {
        Assert.True(File.Exists(package.Path));
        EvictNovaImageFromConsumerCache();

        var build = await ConsumerDotnetAsync("build", Project, "-c", "Release", "-nologo", "--no-incremental");
        Assert.True(build.ExitCode == 0, build.ToString());
        // The analyzer ran in the consumer: the legacy usages in Program.cs, and nova.conf (an AdditionalFile
        // added by the package's buildTransitive targets).
        Assert.Matches(@"Program\.cs\(\d+,\d+\): warning NIMG0101", build.StandardOutput);
        Assert.Matches(@"Program\.cs\(\d+,\d+\): warning NIMG0301", build.StandardOutput);
        Assert.Matches(@"Program\.cs\(\d+,\d+\): warning NIMG0302", build.StandardOutput);
        Assert.Matches(@"nova\.conf\(3,1\): warning NIMG0201", build.StandardOutput);

        // The generator ran: the consumer's own [GlanceImageApi] class is a working client of the real Glance.
        var run = await ProcessRunner.RunAsync("dotnet",
            [Repository.PathOf("samples", "NovaImage.PackageConsumer", "bin", "Release", "net8.0", "NovaImage.PackageConsumer.dll"),
             GlanceServer.Endpoint.AbsoluteUri, GlanceIdentity.ProjectA.Token]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ConsumerImageApi implements IImageApi: True", run.StandardOutput);
        Assert.Matches(@"current Glance API: v2\.\d+", run.StandardOutput);
    }

    [Fact]
    public async Task Nova_conf_and_appsettings_are_analyzer_inputs_unless_the_consumer_opts_out()
    {
        EvictNovaImageFromConsumerCache();
        var restore = await ConsumerDotnetAsync("restore", Project);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        Assert.Equal(["appsettings.json", "nova.conf"], await AdditionalFilesAsync());
        Assert.Empty(await AdditionalFilesAsync("-p:NovaImageAnalyzeConfigFiles=false"));

        var optedOut = await ConsumerDotnetAsync("build", Project, "-c", "Release", "-nologo", "--no-incremental", "-p:NovaImageAnalyzeConfigFiles=false");
        Assert.True(optedOut.ExitCode == 0, optedOut.ToString());
        Assert.DoesNotContain("NIMG0201", optedOut.StandardOutput);
        Assert.Contains("warning NIMG0101", optedOut.StandardOutput);
    }

    [Fact]
    public async Task An_older_compiler_fails_the_build_with_NIMG9001_telling_the_user_to_update()
    {
        EvictNovaImageFromConsumerCache();
        var build = await ConsumerDotnetAsync("build", Project, "-c", "Release", "-nologo", "--no-incremental", "-p:CompilerApiVersion=roslyn4.7");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error NIMG9001: NovaImage needs the Roslyn 4.8 C# compiler or newer (this build uses Roslyn 4.7)", build.StandardOutput);
        Assert.Contains("Update to the .NET 8 SDK or newer", build.StandardOutput);
    }

    private static async Task<string[]> AdditionalFilesAsync(params string[] properties)
    {
        var result = await ConsumerDotnetAsync(["msbuild", Project, "-getItem:AdditionalFiles", .. properties]);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Items").TryGetProperty("AdditionalFiles", out var items)
            ? items.EnumerateArray().Select(i => i.GetProperty("Filename").GetString() + i.GetProperty("Extension").GetString()).Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    /// <summary>
    /// Runs dotnet on the consumer with the machine's packages folder as a fallback, so its other dependencies
    /// (Refit, Microsoft.Extensions.*, already restored for the repository) need no download at test time.
    /// </summary>
    private static async Task<ProcessResult> ConsumerDotnetAsync(params string[] arguments)
    {
        var locals = await ProcessRunner.DotnetAsync("nuget", "locals", "global-packages", "--list");
        var globalPackages = locals.StandardOutput.Trim()["global-packages:".Length..].Trim();
        return await ProcessRunner.DotnetAsync([.. arguments, $"-p:RestoreAdditionalProjectFallbackFolders={globalPackages}"]);
    }

    /// <summary>The consumer's own packages folder would otherwise serve a previous pack of the same version.</summary>
    private static void EvictNovaImageFromConsumerCache()
    {
        var cached = Repository.PathOf("samples", "NovaImage.PackageConsumer", "obj", "packages", "novaimage");
        if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
    }
}
