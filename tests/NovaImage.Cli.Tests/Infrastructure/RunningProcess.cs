using System.Diagnostics;

namespace NovaImage.Cli.Tests.Infrastructure;

/// <summary>A process started by <see cref="ProcessRunner.Start"/>: its output is read as it comes, so it never blocks on a full pipe.</summary>
internal sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _description;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public RunningProcess(Process process, string description)
    {
        _process = process;
        _description = description;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the exit (killing the process tree after <paramref name="timeout"/>, default a minute).</summary>
    public async Task<ProcessResult> WaitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_description} did not finish in time");
        }
        return new ProcessResult(_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose() => _process.Dispose();
}
