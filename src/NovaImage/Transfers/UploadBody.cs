namespace NovaImage.Transfers;

/// <summary>
/// The body of an upload or stage: the caller's stream, reporting progress when asked, and never longer than
/// <see cref="UploadOptions.Size"/> when a size was promised.
/// </summary>
internal static class UploadBody
{
    public static Stream Wrap(string imageId, Stream data, UploadOptions? options) =>
        options is { Progress: not null } or { Size: not null }
            ? new ProgressReportingStream(data, options.Progress, options.Size, leaveOpen: true, promised: options.Size is { } size ? (size, imageId) : null)
            : data;
}
