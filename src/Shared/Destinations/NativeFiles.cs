using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NovaImage.Destinations;

/// <summary>
/// The few POSIX calls .NET does not offer: the kind and owner of a path (<c>statx</c>), changing a file's owner
/// (<c>fchown</c>), starting a file's disk writes early (<c>sync_file_range</c>) and flushing a directory
/// (<c>open</c> + <c>fsync</c>). Linux only: <c>statx</c> has one layout on
/// every Linux architecture, unlike <c>struct stat</c>, so no per-architecture struct is needed. Source-generated
/// marshalling (<c>LibraryImport</c>), so NativeAOT and trimming are safe.
/// </summary>
internal static partial class NativeFiles
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int OpenReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (same value on x86_64 and arm64)
    private const int NoSuchFile = 2;                     // ENOENT
    private const int NotADirectory = 20;                 // ENOTDIR
    private const uint SyncFileRangeWrite = 2;            // SYNC_FILE_RANGE_WRITE: start writeback, wait for nothing

    /// <summary>Whether the native calls are available here (Linux).</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <summary><c>stat(2)</c> of <paramref name="path"/> (symlinks followed), or <see cref="FileKind.Missing"/>.</summary>
    /// <exception cref="IOException">The path cannot be examined (e.g. permission denied on a parent directory).</exception>
    public static FileStatus Stat(string path)
    {
        if (StatX(AtFdCwd, path, 0, StatxBasicStats, out var status) == 0)
            return new FileStatus(KindOf(status.Mode), (UnixFileMode)(status.Mode & 0xfff), status.Uid, status.Gid);
        var errno = Marshal.GetLastPInvokeError();
        if (errno is NoSuchFile or NotADirectory) return new FileStatus(FileKind.Missing, default, null, null);
        throw new IOException($"cannot examine it: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>Gives the open file <paramref name="file"/> the owner and group <paramref name="owner"/>:<paramref name="group"/>.</summary>
    /// <exception cref="IOException">The process may not (only root may give a file away).</exception>
    public static void ChangeOwner(SafeFileHandle file, uint owner, uint group)
    {
        if (FChown(file, owner, group) != 0)
            throw new IOException($"cannot give it owner {owner}:{group}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    /// <summary>
    /// Starts writing the dirty pages of <paramref name="file"/> to disk and returns without waiting for them, so the
    /// disk works while the file is still being written and the final <c>fsync</c> has little left to wait for.
    /// Advisory: a failure (e.g. a filesystem without it) changes nothing, and the <c>fsync</c> reports real errors.
    /// </summary>
    public static void StartWriteback(SafeFileHandle file) => _ = SyncFileRange(file, 0, 0, SyncFileRangeWrite);

    /// <summary>
    /// Flushes <paramref name="directory"/> to disk, so that a rename into it survives a power loss (the file's data
    /// is flushed before the rename; the directory entry pointing at it is flushed here).
    /// </summary>
    /// <exception cref="IOException">The directory could not be opened or flushed.</exception>
    public static void SyncDirectory(string directory)
    {
        var fd = Open(directory, OpenReadOnlyCloseOnExec);
        if (fd < 0) throw new IOException($"Cannot open the directory {directory} to flush it: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        try
        {
            if (FSync(fd) != 0) throw new IOException($"Cannot flush the directory {directory}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xf000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        _ => FileKind.Other,
    };

    // struct statx (linux/stat.h): 256 bytes, the same offsets on every architecture.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(0x14)] public uint Uid;
        [FieldOffset(0x18)] public uint Gid;
        [FieldOffset(0x1c)] public ushort Mode;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatX(int directoryFd, string path, int flags, uint mask, out Statx status);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static partial int FChown(SafeFileHandle file, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(SafeFileHandle file, long offset, long count, uint flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
