using NovaImage;
using NovaImage.DirectStore;

namespace NovaImage.PackageConsumer;

/// <summary>
/// A consumer's own direct-store adapter, registered at compile time into <see cref="ConsumerImageApi"/>.
/// It serves <c>file://</c> locations whose path this host can read.
/// </summary>
[DirectStore("file")]
public sealed class MountedFileStoreAdapter : IDirectStoreAdapter
{
    /// <inheritdoc />
    public ValueTask<DirectStoreOpenResult> OpenAsync(ImageLocation location, DirectStoreContext context, CancellationToken cancellationToken)
    {
        var path = new Uri(location.Url).LocalPath;
        return ValueTask.FromResult(File.Exists(path)
            ? DirectStoreOpenResult.Opened(File.OpenRead(path), path)
            : DirectStoreOpenResult.Refused($"{path} is not readable on this host"));
    }
}
