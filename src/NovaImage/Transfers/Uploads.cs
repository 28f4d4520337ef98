namespace NovaImage.Transfers;

/// <summary>How every upload and stage sends its data through the core, whatever the API version.</summary>
internal static class Uploads
{
    /// <summary>
    /// Sends <paramref name="data"/> with <paramref name="send"/>: a seekable stream is rewound to where the caller
    /// left it before each attempt, so it can be retried; a non-seekable one gets a single attempt (it is never replayed).
    /// The rewind goes through the body, so its size check and progress count each attempt from its start.
    /// </summary>
    public static Task SendAsync<TApi>(GlanceClientCore core, ImageOperation operation, string imageId, Stream data, UploadOptions? options,
        Func<TApi, Stream, CancellationToken, Task> send, CancellationToken cancellationToken) where TApi : class
    {
        ArgumentNullException.ThrowIfNull(data);
        var start = data.CanSeek ? data.Position : 0L;
        var body = UploadBody.Wrap(imageId, data, options, bytes => core.Telemetry.Sent(bytes, operation));
        return core.ExecuteAsync(new GlanceCall(operation, imageId) { Store = options?.Store }, data.CanSeek, async (attempt, ct) =>
        {
            if (data.CanSeek) body.Position = start;
            await send(attempt.Api<TApi>(), body, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Opens <paramref name="path"/> and uploads it with <paramref name="upload"/>, its size taken from the file.</summary>
    public static async Task FromFileAsync(string imageId, string path, UploadOptions? options, Func<Stream, UploadOptions, Task> upload)
    {
        await using var data = UploadFiles.OpenRead(imageId, path);
        // A pipe or device (e.g. /dev/stdin) has no length: no size is promised for it.
        await upload(data, (options ?? new UploadOptions()) with { Size = options?.Size ?? (data.CanSeek ? data.Length : null) }).ConfigureAwait(false);
    }

    /// <summary>
    /// For an upload with <see cref="UploadOptions.Signing"/>: Glance checks the signature while it receives the data, so
    /// the four properties must be on the image first. Reads the seekable <paramref name="data"/> once from its
    /// position to sign it, rewinds it, and sets the properties with <paramref name="update"/>.
    /// </summary>
    /// <exception cref="InvalidImageRequestException">The stream cannot be rewound (stage and import it instead: staging signs as it sends).</exception>
    public static async Task SignBeforeUploadAsync(string imageId, Stream data, UploadOptions? options,
        Func<ImageUpdate, CancellationToken, Task> update, CancellationToken cancellationToken)
    {
        if (options?.Signing is not { } signing) return;
        if (!data.CanSeek)
        {
            throw new InvalidImageRequestException(
                "A signed upload needs data that can be read twice (signed, then sent); stage and import data from a pipe instead, which signs it as it is sent",
                new GlanceErrorContext(imageId));
        }

        var start = data.Position;
        var signature = await signing.SignAsync(data, cancellationToken).ConfigureAwait(false);
        data.Position = start;
        await update(new ImageUpdate { SetProperties = signature.ToProperties() }, cancellationToken).ConfigureAwait(false);
    }
}
