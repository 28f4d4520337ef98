using System.Text;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>
/// SIGINT, SIGTERM and SIGHUP during a download: the built CLI downloads through a proxy in front of the real Glance
/// that stalls the image data, so the download is certainly in progress (its hidden temporary file exists) when the
/// signal arrives. Before, the process died at once: the <c>.NAME.GUID.novaimage-partial</c> file stayed behind, the
/// exit code was 143 for SIGTERM but SIGHUP killed it outright, and a progress bar left the terminal's cursor hidden.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private const string PartialSuffix = ".novaimage-partial";

    // A signal ignored by whoever started the test run (nohup ignores SIGHUP, a shell's `cmd &` ignores SIGINT) stays
    // ignored in every child, and the CLI rightly leaves an inherited SIG_IGN alone: start it with the defaults.
    private static readonly string[] DefaultSignals = ["--default-signal=INT,HUP,TERM"];
    private readonly TempFiles _files = new();
    private readonly string _downloads;

    public SignalTests() => _downloads = Directory.CreateDirectory(_files.PathOf("downloads")).FullName;

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    [InlineData("HUP", 129)]
    public async Task A_signal_during_a_download_removes_the_partial_file_and_exits_128_plus_the_signal_number(string signal, int exitCode)
    {
        var id = await UploadAsync();
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.StallImageData(64 * 1024));
        var destination = Path.Combine(_downloads, "image.raw");
        using var cli = ProcessRunner.Start("env", [.. DefaultSignals, "dotnet", Repository.CliDll, "image", "download", id, "--file", destination],
            environment: Environment(proxy.Endpoint));

        await WaitForPartialFileAsync(cli);
        await SendAsync(signal, cli.Id);
        var result = await cli.WaitAsync();

        var error = NovaImageCli.AssertFailed(result, exitCode);
        Assert.Contains("cancelled", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_downloads)); // neither the destination nor the temporary file
    }

    [Fact]
    public async Task Ctrl_C_on_a_terminal_removes_the_partial_file_and_shows_the_cursor_the_progress_bar_hid()
    {
        var id = await UploadAsync();
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.StallImageData(64 * 1024));
        var destination = Path.Combine(_downloads, "image.raw");
        var typescript = _files.PathOf("terminal.txt");
        // util-linux `script` gives the CLI a pseudo-terminal, so the progress bar is drawn (and the cursor hidden).
        using var script = ProcessRunner.Start("script", ["-qec", $"env {string.Join(' ', DefaultSignals)} dotnet '{Repository.CliDll}' image download {id} --file '{destination}'", typescript],
            environment: new Dictionary<string, string?>(Environment(proxy.Endpoint)) { ["TERM"] = "xterm-256color" });

        await WaitForPartialFileAsync(script);
        await SendAsync("INT", FindCli(destination));
        var result = await script.WaitAsync();

        Assert.True(result.ExitCode == 130, result.ToString());
        var terminal = File.ReadAllText(typescript);
        const string hide = "\u001b[?25l", show = "\u001b[?25h";
        Assert.Contains(hide, terminal, StringComparison.Ordinal);
        Assert.True(terminal.LastIndexOf(show, StringComparison.Ordinal) > terminal.LastIndexOf(hide, StringComparison.Ordinal),
            "the cursor is still hidden at the end:\n" + terminal.Replace("\u001b", "\\e", StringComparison.Ordinal));
        Assert.Contains("novaimage: error: cancelled", terminal, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_downloads));
    }

    private async Task<string> UploadAsync()
    {
        var data = _files.RandomFile("data.img", 2_000_000);
        var image = await NovaImageCli.JsonAsync("image", "create", "--name", $"cli-signal-{Guid.NewGuid():N}",
            "--disk-format", "raw", "--container-format", "bare", "--file", data);
        return image.GetProperty("id").GetString()!;
    }

    private static Dictionary<string, string?> Environment(Uri server) => new()
    {
        ["NOVAIMAGE_API_SERVERS"] = server.AbsoluteUri,
        ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token,
    };

    /// <summary>
    /// Waits until the download has created its temporary file: the event that proves it is under way (the proxy then
    /// stalls it, so it cannot finish first). Polls the directory; fails if the process ends instead.
    /// </summary>
    private async Task WaitForPartialFileAsync(RunningProcess process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!Directory.EnumerateFiles(_downloads, "*" + PartialSuffix).Any())
        {
            if (process.HasExited) Assert.Fail("the CLI ended before its download started:\n" + await process.WaitAsync());
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    private static async Task SendAsync(string signal, int pid)
    {
        var kill = await ProcessRunner.RunAsync("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(kill.ExitCode == 0, kill.ToString());
    }

    /// <summary>The CLI's own process under `script` (the one running dotnet with this destination, not the shell around it).</summary>
    private static int FindCli(string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            string[] argv;
            try
            {
                argv = File.ReadAllText(Path.Combine(directory, "cmdline"), Encoding.UTF8).Split('\0');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // the process ended meanwhile
            }
            if (Path.GetFileName(argv[0]) == "dotnet" && argv.Contains(destination) && argv.Contains(Repository.CliDll)) return pid;
        }
        throw new InvalidOperationException($"no CLI process downloading to {destination}");
    }

    public void Dispose() => _files.Dispose();
}
