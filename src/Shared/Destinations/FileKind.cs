namespace NovaImage.Destinations;

/// <summary>What a path names, as <c>stat(2)</c> reports it (symlinks followed).</summary>
internal enum FileKind
{
    /// <summary>Nothing exists there.</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A character device (<c>/dev/null</c>, a tape).</summary>
    CharacterDevice,
    /// <summary>A block device (a disk, a partition, an LVM volume).</summary>
    BlockDevice,
    /// <summary>A named pipe.</summary>
    Fifo,
    /// <summary>A socket or anything else that cannot hold data.</summary>
    Other,
}
