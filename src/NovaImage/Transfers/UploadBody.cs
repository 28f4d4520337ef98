namespace NovaImage.Transfers;

/// <summary>
/// The body of an upload or stage: the caller's stream, counting what the HTTP stack reads from it (the client's
/// <c>novaimage.client.io</c> metric), reporting progress when asked, and never longer than
/// <see cref="UploadOptions.Size"/> when a size was promised.
/// </summary>
internal static class UploadBody
{
    public static Stream Wrap(string imageId, Stream data, UploadOptions? options, Action<int> sent) =>
        new ProgressReportingStream(data, options?.Progress, options?.Size, leaveOpen: true,
            promised: options?.Size is { } size ? (size, imageId) : null, sent: sent);
}
