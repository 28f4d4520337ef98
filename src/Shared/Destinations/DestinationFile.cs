namespace NovaImage.Destinations;

/// <summary>
/// A file about to be written by a download or by <c>novaimage config migrate --in-place</c>, opened (and so checked)
/// before anything is fetched or written. What the path names decides how it is written:
/// <list type="bullet">
/// <item>a regular file, or nothing: a temporary file beside it, flushed to disk and renamed over it (readers see the
/// old file or the new one, never half); an existing file's permission bits, owner and group are given to the
/// temporary file first, a new file gets the umask's; the directory is flushed after the rename;</item>
/// <item>a symlink: the same for its final target, so the link stays a link;</item>
/// <item>a block or character device or a FIFO: opened for writing (not truncated) and written in place; it is never
/// replaced, and what was written cannot be taken back if a later check fails.</item>
/// </list>
/// A directory, a missing parent directory, a socket, a place the process may not create a file in, and an owner the
/// process cannot keep are refused with <see cref="InvalidDestinationException"/>. Kinds, owners and the directory
/// flush need Linux (<see cref="NativeFiles"/>); elsewhere every existing path is a regular file and only its
/// permission bits are kept.
/// </summary>
internal sealed class DestinationFile : IAsyncDisposable
{
    /// <summary>Suffix of the temporary files written beside a destination (hidden: their name starts with a dot).</summary>
    public const string TempFileSuffix = ".novaimage-partial";

    /// <summary>
    /// Bytes written to a temporary file between two starts of its disk writes (<see cref="Written"/>). Without them
    /// the whole image waited in the page cache for the final flush: 0.41 s for 1 GiB here, against 0.25 s with
    /// writeback every 8 MiB, and the host's page cache holds less dirty data meanwhile.
    /// </summary>
    public const int WritebackInterval = 8 * 1024 * 1024;

    private readonly FileStream _stream;
    private readonly string? _temp; // null when written in place
    private readonly Stream _writer;
    private long _notWrittenBack;
    private bool _committed;

    private DestinationFile(string path, string target, FileKind kind, FileStream stream, string? temp)
    {
        Path = path;
        Target = target;
        Kind = kind;
        _stream = stream;
        _temp = temp;
        _writer = temp is null ? stream : new WritebackStream(stream, this);
    }

    /// <summary>The destination as named (full path).</summary>
    public string Path { get; }

    /// <summary>Where the data goes: <see cref="Path"/> with symlinks followed.</summary>
    public string Target { get; }

    /// <summary>What <see cref="Target"/> was when opened (<see cref="FileKind.Missing"/> for a new file).</summary>
    public FileKind Kind { get; }

    /// <summary>Whether the data goes straight into <see cref="Target"/> (a device or a FIFO) rather than a temporary file.</summary>
    public bool InPlace => _temp is null;

    /// <summary>Where to write in order (unbuffered: callers bring their own buffer).</summary>
    public Stream Stream => _writer;

    /// <summary>
    /// The temporary file's handle, for positioned writes and reads (<see cref="RandomAccess"/>; tell
    /// <see cref="Written"/> what was written); null when written in place (a device or a FIFO is written in order,
    /// through <see cref="Stream"/>).
    /// </summary>
    public Microsoft.Win32.SafeHandles.SafeFileHandle? TemporaryFileHandle => InPlace ? null : _stream.SafeFileHandle;

    /// <summary>What <see cref="Target"/> is, in words, for messages.</summary>
    public string Description => Kind switch
    {
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO",
        _ => "a file",
    };

    /// <summary>Checks <paramref name="path"/> and opens it for writing as the rules above say.</summary>
    /// <param name="path">The destination as the user named it.</param>
    /// <param name="context">What the error names when the destination is refused (e.g. the image).</param>
    /// <exception cref="InvalidDestinationException">The destination cannot be written as asked.</exception>
    public static DestinationFile Open(string path, GlanceErrorContext context)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        InvalidDestinationException Refuse(string why, Exception? inner = null) => new(full, $"Cannot write '{full}': {why}", context, inner);

        string target;
        FileStatus status;
        try
        {
            // A dangling link resolves to the file it would create; a link to a directory is a directory.
            target = new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)!.FullName;
            status = StatusOf(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refuse(ex.Message, ex);
        }

        switch (status.Kind)
        {
            case FileKind.Directory:
                throw Refuse("it is a directory");
            case FileKind.Other:
                throw Refuse("it is neither a file, a device nor a FIFO");
            case FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Fifo:
                try
                {
                    // Write access without O_TRUNC; a FIFO's open waits for a reader, as a shell redirection does.
                    var device = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0, FileOptions.None);
                    return new DestinationFile(full, target, status.Kind, device, temp: null);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw Refuse($"cannot open {(status.Kind == FileKind.Fifo ? "the FIFO" : "the device")} for writing: {ex.Message}", ex);
                }
        }

        var directory = System.IO.Path.GetDirectoryName(target) ?? throw Refuse("it has no parent directory");
        if (!Directory.Exists(directory)) throw Refuse($"the directory {directory} does not exist");

        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(target)}.{Guid.NewGuid():N}{TempFileSuffix}");
        FileStream stream;
        try
        {
            stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                // Readable too: a parallel ranged download hashes its ranges back from the file, in order.
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = 0,
                Options = FileOptions.Asynchronous,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refuse($"cannot create a file in {directory}: {ex.Message}", ex);
        }

        try
        {
            if (status.Kind == FileKind.Regular) KeepOwnerAndMode(stream, status);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stream.Dispose();
            DeleteQuietly(temp);
            throw Refuse($"the replacement would not keep the file's owner, group or mode: {ex.Message}", ex);
        }

        return new DestinationFile(full, target, status.Kind, stream, temp);
    }

    /// <summary>
    /// Counts <paramref name="count"/> bytes just written to the temporary file; every <see cref="WritebackInterval"/>
    /// bytes, starts their disk writes in the background (see <see cref="NativeFiles.StartWriteback"/>), so that
    /// <see cref="Commit"/>'s flush has little left to wait for. Safe to call from several writers at once.
    /// </summary>
    public void Written(int count)
    {
        if (InPlace || !NativeFiles.Supported || Interlocked.Add(ref _notWrittenBack, count) < WritebackInterval) return;
        Interlocked.Exchange(ref _notWrittenBack, 0);
        NativeFiles.StartWriteback(_stream.SafeFileHandle);
    }

    /// <summary>
    /// Empties the temporary file, for a new copy after a failed one. In place there is nothing to empty: callers
    /// never start a device or FIFO over once it holds bytes.
    /// </summary>
    public void StartOver()
    {
        if (InPlace) return;
        _stream.SetLength(0);
        _stream.Position = 0;
    }

    /// <summary>
    /// Flushes the data to disk; for a temporary file, renames it over <see cref="Target"/> and flushes the directory
    /// (until then the rename could be lost on a power loss, leaving the old file).
    /// </summary>
    public void Commit()
    {
        _stream.Flush(flushToDisk: true); // fsync; .NET ignores the EINVAL of devices and FIFOs that cannot sync
        _stream.Dispose();
        if (_temp is not null)
        {
            File.Move(_temp, Target, overwrite: true); // rename(2): atomic on the same filesystem
            if (NativeFiles.Supported) NativeFiles.SyncDirectory(System.IO.Path.GetDirectoryName(Target)!);
        }

        _committed = true;
    }

    /// <summary>Closes the file; without <see cref="Commit"/>, deletes the temporary file (the destination is unchanged).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        if (!_committed && _temp is not null) DeleteQuietly(_temp);
    }

    private static FileStatus StatusOf(string target)
    {
        if (NativeFiles.Supported) return NativeFiles.Stat(target);
        if (Directory.Exists(target)) return new FileStatus(FileKind.Directory, default, null, null);
        if (!File.Exists(target)) return new FileStatus(FileKind.Missing, default, null, null);
        return new FileStatus(FileKind.Regular, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(target), null, null);
    }

    // Owner first: chown clears the setuid and setgid bits, the mode puts them back.
    private static void KeepOwnerAndMode(FileStream stream, FileStatus status)
    {
        if (OperatingSystem.IsWindows()) return;
        if (status is { Owner: { } owner, Group: { } group }) NativeFiles.ChangeOwner(stream.SafeFileHandle, owner, group);
        File.SetUnixFileMode(stream.SafeFileHandle, status.Mode);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
