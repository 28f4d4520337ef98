namespace NovaImage.Destinations;

/// <summary>The facts about an existing path a destination needs: its kind, permission bits, owner and group.</summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Mode">Permission bits, setuid/setgid/sticky included.</param>
/// <param name="Owner">The owning user id, when known (Linux).</param>
/// <param name="Group">The owning group id, when known (Linux).</param>
internal readonly record struct FileStatus(FileKind Kind, UnixFileMode Mode, uint? Owner, uint? Group);
