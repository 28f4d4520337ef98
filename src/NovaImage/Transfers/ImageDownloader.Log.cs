using Microsoft.Extensions.Logging;

namespace NovaImage.Transfers;

internal sealed partial class ImageDownloader
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

        [LoggerMessage(EventId = 4004, Level = LogLevel.Information,
            Message = "Image {ImageId}: attempt {Attempt} on {Server} resumes the download at byte {Offset}")]
        public static partial void Resuming(ILogger logger, string imageId, int attempt, Uri server, long offset);

        [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
            Message = "Image {ImageId}: the server ignored a range request ({Cause}); downloading one stream instead")]
        public static partial void RangesIgnored(ILogger logger, string imageId, string cause);
    }
}
