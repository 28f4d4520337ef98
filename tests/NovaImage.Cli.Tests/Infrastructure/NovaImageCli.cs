using System.Text.Json;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built <c>novaimage</c> CLI as a separate process (stdin/stdout/stderr redirected, so not a terminal),
/// pointed at the real Glance through the environment, the way a script would run it.
/// </summary>
internal static class NovaImageCli
{
    /// <summary>Runs as <paramref name="identity"/> (default project A) against the real Glance.</summary>
    public static Task<ProcessResult> RunAsync(GlanceIdentity? identity, params string[] arguments) =>
        RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["NOVAIMAGE_API_SERVERS"] = GlanceServer.Endpoint.AbsoluteUri,
            ["OS_AUTH_TOKEN"] = (identity ?? GlanceIdentity.ProjectA).Token,
        }, arguments);

    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(null, arguments);

    /// <summary>Runs with exactly this environment for the CLI's variables (nothing pointing at Glance otherwise).</summary>
    public static Task<ProcessResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        Assert.True(File.Exists(Repository.CliDll), $"the CLI is not built at {Repository.CliDll}");
        return ProcessRunner.RunAsync("dotnet", [Repository.CliDll, .. arguments], environment: environment);
    }

    /// <summary>Runs with <c>--json</c>, asserts success and parses stdout.</summary>
    public static async Task<JsonElement> JsonAsync(GlanceIdentity? identity, params string[] arguments)
    {
        var result = await RunAsync(identity, [.. arguments, "--json"]);
        AssertSucceeded(result);
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    public static Task<JsonElement> JsonAsync(params string[] arguments) => JsonAsync(null, arguments);

    public static void AssertSucceeded(ProcessResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    /// <summary>A failure is the documented exit code and exactly one error line on stderr, without a stack trace.</summary>
    public static string AssertFailed(ProcessResult result, int exitCode)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = lines.Where(l => l.StartsWith("novaimage: error: ", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 1, $"expected one error line\n{result}");
        Assert.DoesNotContain("   at ", result.StandardError);
        return errors[0];
    }
}
