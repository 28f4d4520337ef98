using Microsoft.Extensions.Logging;

namespace NovaImage.Core;

/// <summary>The client's log messages (LoggerMessage source generation).</summary>
internal static partial class GlanceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Glance {Operation} failed on {Server} ({Cause}); retrying on the next server, attempt {Attempt} of {Attempts}")]
    public static partial void Retrying(ILogger logger, string operation, Uri server, string cause, int attempt, int attempts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "Glance {Operation} failed on {Server} ({Cause}); done trying after {Attempts} attempt(s)")]
    public static partial void DoneTrying(ILogger logger, string operation, Uri server, string cause, int attempts);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "The [glance] options {Options} are deprecated; use {Replacement} instead (now using {Endpoint})")]
    public static partial void DeprecatedOptions(ILogger logger, string options, string replacement, string endpoint);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Glance API version {Version} selected for {Server} ({Reason})")]
    public static partial void VersionSelected(ILogger logger, ApiVersion version, Uri server, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "Glance {Operation} on {Server} cannot be retried: its data stream cannot be rewound")]
    public static partial void NotReplayable(ILogger logger, string operation, Uri server);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Glance server {Server} failed ({Cause}); the healthy servers are tried first for the next {Seconds} s")]
    public static partial void ServerMarkedFailed(ILogger logger, Uri server, string cause, double seconds);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Glance server {Server} answers again")]
    public static partial void ServerRecovered(ILogger logger, Uri server);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Passed over {Count} recently failed Glance server(s); using {Server}")]
    public static partial void SkippingFailedServers(ILogger logger, int count, Uri server);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning,
        Message = "Glance at {Server} advertises no CURRENT or SUPPORTED API version this client speaks; using its DEPRECATED API {Version} (set [glance] api_version to choose explicitly)")]
    public static partial void DeprecatedVersionSelected(ILogger logger, ApiVersion version, Uri server);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "TLS certificate verification is off for Glance at {Servers} (insecure = true): anyone on the path can read and change the traffic, token included")]
    public static partial void InsecureTls(ILogger logger, string servers);
}
