using System.Diagnostics;

namespace NovaImage.Cli.Tests.Infrastructure;

/// <summary>Runs a process to completion (stdin closed, not a terminal) and captures its output.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start(fileName, arguments, workingDirectory, environment);
        return await process.WaitAsync(timeout);
    }

    /// <summary>Starts a process (stdin closed, output captured) without waiting for it, e.g. to signal it while it runs.</summary>
    public static RunningProcess Start(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // A clean slate: the CLI reads these, and a developer's shell may have them set.
        foreach (var name in new[] { "NOVAIMAGE_API_SERVERS", "NOVAIMAGE_API_VERSION", "NOVAIMAGE_CONFIG" })
            start.Environment.Remove(name);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        return new RunningProcess(process, $"{fileName} {string.Join(' ', arguments)}");
    }

    /// <summary>Runs the <c>dotnet</c> CLI (build, pack, publish) with a generous timeout.</summary>
    public static Task<ProcessResult> DotnetAsync(params string[] arguments) =>
        RunAsync("dotnet", arguments, Repository.Root, timeout: TimeSpan.FromMinutes(5));
}
