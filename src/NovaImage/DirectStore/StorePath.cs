namespace NovaImage.DirectStore;

/// <summary>
/// Maps a Glance file-store location to a path on this host without ever leaving the configured mountpoint:
/// lexical checks on the URL path first, then a symlink-resolving walk of the result.
/// </summary>
internal static class StorePath
{
    private const int MaxSymlinks = 40; // as Linux's MAXSYMLINKS
    private static readonly string[] FileSchemePrefixes = ["file://", "filesystem://"];

    /// <summary>
    /// Reads the path of a <c>file://</c> or <c>filesystem://</c> URL (Nova's file module serves both schemes) exactly
    /// as Glance wrote it (not percent-decoded, as in Nova). Refuses
    /// hosts other than localhost and any character Glance never writes in a file location but that could change
    /// meaning on the way (<c>%</c> escapes, <c>?</c>, <c>#</c>, backslashes, NUL).
    /// </summary>
    public static bool TryGetFileUrlPath(string url, out string path, out string refusal)
    {
        path = "";
        var prefix = Array.Find(FileSchemePrefixes, p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is null)
            return Refuse($"'{url}' is not a file:// or filesystem:// URL", out refusal);
        var rest = url[prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return Refuse($"'{url}' has no path", out refusal);
        var host = rest[..slash];
        if (host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return Refuse($"'{url}' names host '{host}'; only local paths can be read directly", out refusal);
        path = rest[slash..];
        if (path.IndexOfAny(['%', '?', '#', '\\', '\0']) >= 0)
            return Refuse($"'{url}' contains a percent escape or a character (? # \\ NUL) that Glance never writes in a file location", out refusal);
        refusal = "";
        return true;
    }

    /// <summary>
    /// The part of <paramref name="urlPath"/> below Glance's <paramref name="glanceMountpoint"/>. Stricter than Nova's
    /// plain string prefix: the mountpoint must end at a path separator (so <c>/mnt/img</c> does not match
    /// <c>/mnt/img2/x</c>), and no <c>.</c>, <c>..</c> or empty segment may follow.
    /// </summary>
    public static bool TryGetRelative(string urlPath, string glanceMountpoint, out string relative, out string refusal)
    {
        relative = "";
        var mount = glanceMountpoint.TrimEnd('/');
        if (!glanceMountpoint.StartsWith('/'))
            return Refuse($"the location's mountpoint '{glanceMountpoint}' is not an absolute path", out refusal);
        if (!urlPath.StartsWith(mount + "/", StringComparison.Ordinal))
            return Refuse($"the location path '{urlPath}' is not under the location's mountpoint '{glanceMountpoint}'", out refusal);
        relative = urlPath[(mount.Length + 1)..];
        if (relative.Length == 0 || relative.Split('/').Any(s => s is "" or "." or ".."))
            return Refuse($"the location path '{urlPath}' has an empty, '.' or '..' segment below the mountpoint", out refusal);
        refusal = "";
        return true;
    }

    /// <summary>
    /// Joins <paramref name="relative"/> to the local <paramref name="mountpoint"/> and resolves every symlink on the
    /// way (the mountpoint itself may be a symlink or bind mount); refuses a result outside the mountpoint's real path
    /// or that is not an existing file.
    /// </summary>
    public static bool TryResolveInside(string mountpoint, string relative, out string resolved, out string refusal)
    {
        resolved = "";
        if (!Path.IsPathRooted(mountpoint))
            return Refuse($"the configured mountpoint '{mountpoint}' is not an absolute path", out refusal);
        if (!TryRealPath(mountpoint, out var realMount, out refusal)) return false;
        if (!Directory.Exists(realMount))
            return Refuse($"the configured mountpoint '{mountpoint}' is not a directory", out refusal);
        var candidate = mountpoint.TrimEnd('/') + "/" + relative;
        if (!TryRealPath(candidate, out var realFile, out refusal)) return false;
        if (!realFile.StartsWith(realMount.TrimEnd('/') + "/", StringComparison.Ordinal))
            return Refuse($"'{candidate}' resolves to '{realFile}', outside the mountpoint '{realMount}'", out refusal);
        if (!File.Exists(realFile))
            return Refuse($"'{candidate}' is not a regular file", out refusal);
        resolved = realFile;
        refusal = "";
        return true;
    }

    // realpath(3) by hand (portable .NET has no API for it): walk the components, splicing in each symlink's target.
    private static bool TryRealPath(string path, out string real, out string refusal)
    {
        real = "/";
        var pending = new LinkedList<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var links = 0;
        while (pending.First is { } node)
        {
            pending.RemoveFirst();
            var part = node.Value;
            if (part == ".") continue;
            if (part == "..")
            {
                real = Path.GetDirectoryName(real) ?? "/";
                continue;
            }

            var next = real == "/" ? "/" + part : real + "/" + part;
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxSymlinks) return Refuse($"too many symbolic links resolving '{path}'", out refusal);
                if (target.StartsWith('/')) real = "/";
                foreach (var segment in Enumerable.Reverse(target.Split('/', StringSplitOptions.RemoveEmptyEntries))) pending.AddFirst(segment);
                continue;
            }

            if (!info.Exists && !Directory.Exists(next)) return Refuse($"'{path}' does not exist ('{next}' is missing)", out refusal);
            real = next;
        }

        refusal = "";
        return true;
    }

    private static bool Refuse(string why, out string refusal)
    {
        refusal = why;
        return false;
    }
}
