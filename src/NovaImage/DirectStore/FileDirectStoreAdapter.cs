namespace NovaImage.DirectStore;

/// <summary>
/// Reads <c>file://</c> (and <c>filesystem://</c>, the alias Nova's file download module also serves) locations of
/// Glance's filesystem store from a mount on this host, with Nova's rules
/// (<c>[image_file_url]</c>): the location's metadata <c>id</c> must match a configured
/// <see cref="GlanceOptions.Filesystems"/> entry, and the path is remapped from the location's <c>mountpoint</c> to that
/// entry's <see cref="ImageFileSystem.Mountpoint"/>. Stricter than Nova: the remapped path must stay inside the local
/// mountpoint after resolving <c>..</c> and symlinks, and Nova's legacy mode (no filesystems configured: copy the
/// URL path as is) is not offered, because it could neither prove the file belongs to the store nor confine it.
/// The copy is verified against the image's size and hashes like any download.
/// </summary>
[DirectStore("file")]
[DirectStore("filesystem")]
public sealed class FileDirectStoreAdapter : IDirectStoreAdapter
{
    /// <inheritdoc />
    public ValueTask<DirectStoreOpenResult> OpenAsync(ImageLocation location, DirectStoreContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Open(location, context.Options.Filesystems));
    }

    private static DirectStoreOpenResult Open(ImageLocation location, IList<ImageFileSystem> filesystems)
    {
        if (OperatingSystem.IsWindows())
            return DirectStoreOpenResult.Refused("file-store locations are POSIX paths; direct reads are not supported on Windows");
        if (filesystems.Count == 0)
            return DirectStoreOpenResult.Refused("no filesystems are configured ([image_file_url] filesystems / Glance:Filesystems); Nova's unchecked legacy mode is not supported");
        if (filesystems.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Id) || string.IsNullOrWhiteSpace(f.Mountpoint)) is { } incomplete)
            return DirectStoreOpenResult.Refused($"the configured filesystem '{incomplete.Name}' needs both an id and a mountpoint");
        if (!location.Metadata.TryGetValue("id", out var id) || string.IsNullOrEmpty(id))
            return DirectStoreOpenResult.Refused("the location's metadata has no 'id' (Glance's filesystem_store_metadata_file is not set, or this is a bare direct_url)");
        if (!location.Metadata.TryGetValue("mountpoint", out var glanceMountpoint) || string.IsNullOrEmpty(glanceMountpoint))
            return DirectStoreOpenResult.Refused("the location's metadata has no 'mountpoint'");
        if (filesystems.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal)) is not { } filesystem)
            return DirectStoreOpenResult.Refused($"no configured filesystem has id '{id}' (configured: {string.Join(", ", filesystems.Select(f => f.Id))})");

        if (!StorePath.TryGetFileUrlPath(location.Url, out var urlPath, out var refusal)
            || !StorePath.TryGetRelative(urlPath, glanceMountpoint, out var relative, out refusal)
            || !StorePath.TryResolveInside(filesystem.Mountpoint, relative, out var localPath, out refusal))
        {
            return DirectStoreOpenResult.Refused(refusal);
        }

        // The path is opened after it was checked; a symlink swapped in between cannot smuggle other data into the
        // destination, because the copy is verified against the image's hashes before it is published.
        var stream = new FileStream(localPath, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
        return DirectStoreOpenResult.Opened(stream, $"{localPath} (filesystem '{filesystem.Name}', id '{id}')");
    }
}
