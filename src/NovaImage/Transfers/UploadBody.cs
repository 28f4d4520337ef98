namespace NovaImage.Transfers;

/// <summary>The body of an upload or stage: the caller's stream, reporting progress when asked.</summary>
internal static class UploadBody
{
    public static Stream Wrap(Stream data, UploadOptions? options) =>
        options?.Progress is { } progress
            ? new Transfers.ProgressReportingStream(data, progress, options.Size, leaveOpen: true)
            : data;
}
