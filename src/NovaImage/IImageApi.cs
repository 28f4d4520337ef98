namespace NovaImage;

/// <summary>
/// One Glance image API. Glance v2 serves it by default; v1 only when configured (or when <see cref="ApiVersion.Auto"/>
/// finds only v1). The implementation is generated at compile time (<see cref="GlanceImageApiAttribute"/>): each
/// member marked <see cref="ImageOperationAttribute"/> dispatches to the API version in use, the others are answered
/// by the client's core.
/// Every call takes a <see cref="CancellationToken"/> and raises a <see cref="GlanceException"/> subtype on failure.
/// </summary>
public interface IImageApi
{
    /// <summary>The API version this client uses (resolved once per endpoint when <see cref="ApiVersion.Auto"/>).</summary>
    ValueTask<ApiVersion> GetApiVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>The server's versions document.</summary>
    Task<IReadOnlyList<ApiVersionInfo>> GetVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the server offers a feature that needs a v2 minor version (read from its versions document, probed where
    /// the advertisement is only a hint). Calls that need a missing feature raise <see cref="FeatureNotSupportedException"/>.
    /// </summary>
    Task<bool> IsFeatureSupportedAsync(GlanceFeature feature, CancellationToken cancellationToken = default);

    /// <summary>Shows one image.</summary>
    [ImageOperation(ImageOperation.Show)]
    Task<Image> GetImageAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary>Lists images, following pages transparently.</summary>
    [ImageOperation(ImageOperation.List)]
    IAsyncEnumerable<Image> ListImagesAsync(ImageQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Creates an image record (no data yet).</summary>
    [ImageOperation(ImageOperation.Create)]
    Task<Image> CreateImageAsync(ImageCreate image, CancellationToken cancellationToken = default);

    /// <summary>Changes an image's fields and properties; returns the updated image.</summary>
    [ImageOperation(ImageOperation.Update)]
    Task<Image> UpdateImageAsync(string imageId, ImageUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Deletes an image.</summary>
    [ImageOperation(ImageOperation.Delete)]
    Task DeleteImageAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary>Uploads data to a queued image from a stream (streamed, never buffered).</summary>
    [ImageOperation(ImageOperation.Upload)]
    Task UploadAsync(string imageId, Stream data, UploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file's content to a queued image.</summary>
    [ImageOperation(ImageOperation.Upload)]
    Task UploadFileAsync(string imageId, string path, UploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads an image to a file: direct store when allowed and possible, else HTTP with resume; verified
    /// (size, checksum, multihash) before it is atomically moved into place. On failure the destination is unchanged.
    /// </summary>
    /// <remarks>
    /// The destination is checked before any request. A regular file is replaced through a temporary file beside it
    /// that gets the existing file's mode, owner and group (a new file gets the umask's mode); a symlink's final target
    /// is replaced so and the link kept. A block or character device or a FIFO is written in place as the data is
    /// verified and never replaced: a failed verification there <b>cannot be rolled back</b>; the
    /// <see cref="ImageIntegrityException"/> then says that the device holds the unverified data, and after other
    /// failures it may hold part of the image.
    /// </remarks>
    /// <exception cref="InvalidDestinationException">
    /// The destination is a directory or a socket, its directory is missing, no file can be created there, or an
    /// existing file's owner cannot be kept; nothing was requested.
    /// </exception>
    /// <exception cref="ImageIntegrityException">The data did not match the image's size or hashes.</exception>
    [ImageOperation(ImageOperation.Download)]
    Task<DownloadResult> DownloadToFileAsync(string imageId, string destinationPath, DownloadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Downloads an image into a stream over HTTP, verifying as it goes.</summary>
    [ImageOperation(ImageOperation.Download)]
    Task<DownloadResult> DownloadAsync(string imageId, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a tag (v2).</summary>
    [ImageOperation(ImageOperation.AddTag)]
    Task AddTagAsync(string imageId, string tag, CancellationToken cancellationToken = default);

    /// <summary>Removes a tag (v2).</summary>
    [ImageOperation(ImageOperation.RemoveTag)]
    Task RemoveTagAsync(string imageId, string tag, CancellationToken cancellationToken = default);

    /// <summary>Shares the image with a project.</summary>
    [ImageOperation(ImageOperation.AddMember)]
    Task<ImageMember> AddMemberAsync(string imageId, string memberId, CancellationToken cancellationToken = default);

    /// <summary>Stops sharing the image with a project.</summary>
    [ImageOperation(ImageOperation.RemoveMember)]
    Task RemoveMemberAsync(string imageId, string memberId, CancellationToken cancellationToken = default);

    /// <summary>Lists the projects the image is shared with.</summary>
    [ImageOperation(ImageOperation.ListMembers)]
    Task<IReadOnlyList<ImageMember>> ListMembersAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary>Accepts or rejects a share, as the member (v2).</summary>
    [ImageOperation(ImageOperation.SetMemberStatus)]
    Task<ImageMember> SetMemberStatusAsync(string imageId, string memberId, MemberStatus status, CancellationToken cancellationToken = default);

    /// <summary>Starts an interoperable import (v2.6+); poll the image for its outcome.</summary>
    [ImageOperation(ImageOperation.Import)]
    Task ImportAsync(string imageId, ImageImport import, CancellationToken cancellationToken = default);

    /// <summary>Stages data for a glance-direct import (v2.6+).</summary>
    [ImageOperation(ImageOperation.Stage)]
    Task StageAsync(string imageId, Stream data, UploadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deactivates an image (v2.3+, admin).</summary>
    [ImageOperation(ImageOperation.Deactivate)]
    Task DeactivateAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary>Reactivates an image (v2.3+, admin).</summary>
    [ImageOperation(ImageOperation.Reactivate)]
    Task ReactivateAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a store location to an image, as Nova does after an RBD direct snapshot (v2 <c>add /locations/-</c>).
    /// Glance must show locations (<c>show_multiple_locations</c>) and knows the URL's store: it refuses a
    /// <c>file://</c> URL and any scheme it has no store for (<see cref="InvalidImageRequestException"/>).
    /// </summary>
    /// <returns>The image with its locations.</returns>
    [ImageOperation(ImageOperation.AddLocation)]
    Task<Image> AddLocationAsync(string imageId, ImageLocation location, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the location with URL <paramref name="url"/> from an image (v2 <c>remove /locations/N</c>, the index
    /// read from the image first). Glance refuses to remove an active image's last location.
    /// </summary>
    /// <returns>The image with its remaining locations.</returns>
    /// <exception cref="InvalidImageRequestException">The image has no location with that URL (nothing is changed).</exception>
    [ImageOperation(ImageOperation.RemoveLocation)]
    Task<Image> RemoveLocationAsync(string imageId, string url, CancellationToken cancellationToken = default);

    /// <summary>Lists the stores of a multi-store Glance (v2.8+).</summary>
    [ImageOperation(ImageOperation.ListStores)]
    Task<IReadOnlyList<ImageStore>> ListStoresAsync(CancellationToken cancellationToken = default);
}
