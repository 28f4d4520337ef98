using Microsoft.Extensions.Logging;

namespace NovaImage.Transfers;

public sealed partial class ImageDownloader
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
            Message = "Direct URL scheme '{Scheme}' is allowed (AllowedDirectUrlSchemes) but no direct-store adapter is registered for it: such locations will be downloaded over HTTP. Register a [DirectStore(\"{Scheme}\")] adapter or remove the scheme.")]
        public static partial void SchemeWithoutAdapter(ILogger logger, string scheme);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
            Message = "Image {ImageId}: location {Location} not used for a direct download: {Reason}")]
        public static partial void DirectStoreNotUsed(ILogger logger, string imageId, string location, string reason);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
            Message = "Image {ImageId}: direct download from {Location} failed; trying the next location or HTTP")]
        public static partial void DirectStoreFailed(ILogger logger, string imageId, string location, Exception exception);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
            Message = "Image {ImageId}: attempt {Attempt} of {MaxAttempts} from {Source} broke after {Bytes} bytes; next attempt starts at byte {ResumeAt}")]
        public static partial void AttemptBroke(ILogger logger, string imageId, int attempt, int maxAttempts, string source, long bytes, long resumeAt, Exception? exception);
    }
}
