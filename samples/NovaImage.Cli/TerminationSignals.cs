using System.Runtime.InteropServices;

namespace NovaImage.Cli;

/// <summary>
/// Turns SIGINT (Ctrl+C), SIGTERM and SIGHUP into cancellation of the running command instead of an immediate exit,
/// so that it unwinds: a download removes its temporary file, the progress display restores the terminal (cursor
/// shown). The process then exits 128 + the signal number (130, 143, 129), as a shell reports a killed command.
/// A second signal is not intercepted: it terminates the process the default way, for a command that cannot stop.
/// </summary>
/// <remarks>
/// System.CommandLine's own handling is switched off (see <see cref="CliApplication"/>): it handles SIGINT and SIGTERM
/// only, and returns the exit code at once without waiting for the command to clean up.
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _exitCode;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal),
        ];
    }

    /// <summary>Cancelled when the first of the signals arrives.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>128 + the number of the signal that arrived first; null while none has.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is var code and not 0 ? code : null;

    private void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal switch
        {
            PosixSignal.SIGHUP => ExitCodes.Hangup,
            PosixSignal.SIGTERM => ExitCodes.Terminated,
            _ => ExitCodes.Cancelled,
        };
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0) return; // the second signal: default action
        context.Cancel = true;
        _cancellation.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancellation.Dispose();
    }
}
