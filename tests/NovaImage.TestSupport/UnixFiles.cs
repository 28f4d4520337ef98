using System.Diagnostics;

namespace NovaImage.TestSupport;

/// <summary>
/// Special files for destination tests, made and examined with the coreutils a Linux host has (mkfifo, mknod, chown,
/// stat), so what a test asserts does not come from the code under test. Making a device node and giving a file away
/// need root, as the tests here run.
/// </summary>
public static class UnixFiles
{
    /// <summary>Makes a named pipe at <paramref name="path"/>.</summary>
    public static void MakeFifo(string path) => Run("mkfifo", path);

    /// <summary>Makes a character device at <paramref name="path"/> that is the null device (1:3, like <c>/dev/null</c>).</summary>
    public static void MakeNullDevice(string path) => Run("mknod", path, "c", "1", "3");

    /// <summary>Gives <paramref name="path"/> to <paramref name="ownerAndGroup"/> (e.g. <c>nobody:nogroup</c>) with <paramref name="octalMode"/>.</summary>
    public static void Give(string path, string ownerAndGroup, string octalMode)
    {
        Run("chown", ownerAndGroup, path);
        Run("chmod", octalMode, path);
    }

    /// <summary>What <paramref name="path"/> itself is (links not followed), e.g. <c>fifo</c>, <c>character special file</c>, <c>symbolic link</c>.</summary>
    public static string KindOf(string path) => Run("stat", "-c", "%F", path);

    /// <summary>Owner, group and octal mode of <paramref name="path"/> (links followed), e.g. <c>nobody:nogroup 600</c>.</summary>
    public static string OwnerGroupMode(string path) => Run("stat", "-L", "-c", "%U:%G %a", path);

    private static string Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', arguments)}: {error}");
        return output.Trim();
    }
}
