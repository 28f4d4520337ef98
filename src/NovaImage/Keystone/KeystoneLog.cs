using Microsoft.Extensions.Logging;

namespace NovaImage.Keystone;

/// <summary>The Keystone session's log messages (LoggerMessage source generation). Tokens and secrets are never logged.</summary>
internal static partial class KeystoneLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information,
        Message = "Keystone at {AuthUrl} issued a token to {Identity}, expiring at {ExpiresAt:u} ({Reason})")]
    public static partial void TokenIssued(ILogger logger, Uri authUrl, string identity, DateTimeOffset expiresAt, string reason);

    [LoggerMessage(EventId = 201, Level = LogLevel.Error,
        Message = "Keystone at {AuthUrl} did not issue a token to {Identity}: {Cause}")]
    public static partial void TokenFailed(ILogger logger, Uri authUrl, string identity, string cause);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information,
        Message = "Glance endpoints from Keystone's catalog ({ServiceType}, interfaces {Interfaces}, region {Region}): {Endpoints}")]
    public static partial void EndpointsDiscovered(ILogger logger, string serviceType, string interfaces, string region, string endpoints);
}
