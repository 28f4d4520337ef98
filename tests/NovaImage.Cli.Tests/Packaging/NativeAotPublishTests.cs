using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Packaging;

/// <summary>
/// <c>dotnet publish samples/NovaImage.Cli -r linux-x64</c> (NativeAOT) must succeed without a single trimming or
/// AOT warning, and the native <c>novaimage</c> must work: against the real Glance and on a legacy nova.conf.
/// </summary>
[Collection(DotnetBuildsCollection.Name)]
public sealed class NativeAotPublishTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task The_native_binary_publishes_without_warnings_and_passes_a_smoke_test()
    {
        var output = _files.PathOf("publish");
        var publish = await ProcessRunner.DotnetAsync("publish", Repository.PathOf("samples", "NovaImage.Cli", "NovaImage.Cli.csproj"),
            "-r", "linux-x64", "-c", "Release", "-o", output, "-nologo", "-clp:NoSummary");
        Assert.True(publish.ExitCode == 0, publish.ToString());
        var warnings = publish.StandardOutput.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(warnings.Length == 0, string.Join('\n', warnings));

        var binary = Path.Combine(output, "novaimage");
        Assert.True(File.Exists(binary), $"no native novaimage in {output}: {string.Join(", ", Directory.GetFiles(output).Select(Path.GetFileName))}");
        Assert.False(File.Exists(Path.Combine(output, "NovaImage.Cli.dll")), "a NativeAOT publish has no managed entry assembly");

        var versions = await ProcessRunner.RunAsync(binary, ["versions", "--json"], environment: new Dictionary<string, string?>
        {
            ["NOVAIMAGE_API_SERVERS"] = GlanceServer.Endpoint.AbsoluteUri,
            ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token,
        });
        Assert.True(versions.ExitCode == 0, versions.ToString());
        using (var json = JsonDocument.Parse(versions.StandardOutput))
            Assert.Contains(json.RootElement.EnumerateArray(), v => v.GetProperty("status").GetString() == "CURRENT" && v.GetProperty("id").GetString()!.StartsWith("v2.", StringComparison.Ordinal));

        var legacy = _files.Write("nova.conf", "[glance]\nhost = glance.example.org\nport = 9292\n");
        var check = await ProcessRunner.RunAsync(binary, ["config", "check", legacy]);
        Assert.True(check.ExitCode == 7, check.ToString());
        Assert.Contains($"{legacy}:2:1: warning: [glance] host is deprecated", check.StandardOutput);

        var migrate = await ProcessRunner.RunAsync(binary, ["config", "migrate", legacy]);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("api_servers = http://glance.example.org:9292", migrate.StandardOutput);

        // The native calls behind destinations (statx, fchown, the directory fsync) resolve in the native binary too.
        UnixFiles.Give(legacy, "nobody:nogroup", "640");
        var inPlace = await ProcessRunner.RunAsync(binary, ["config", "migrate", legacy, "--in-place"]);
        Assert.True(inPlace.ExitCode == 0, inPlace.ToString());
        Assert.Contains("api_servers = http://glance.example.org:9292", File.ReadAllText(legacy));
        Assert.Equal("nobody:nogroup 640", UnixFiles.OwnerGroupMode(legacy));
    }

    public void Dispose() => _files.Dispose();
}
