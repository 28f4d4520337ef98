using System.Globalization;

namespace NovaImage.Core;

/// <summary>The wire spellings shared by both versions (statuses, visibilities, member statuses).</summary>
internal static class GlanceText
{
    public static ImageStatus ParseStatus(string? status) => status?.ToLowerInvariant() switch
    {
        "queued" => ImageStatus.Queued,
        "saving" => ImageStatus.Saving,
        "active" => ImageStatus.Active,
        "killed" => ImageStatus.Killed,
        "deleted" => ImageStatus.Deleted,
        "pending_delete" => ImageStatus.PendingDelete,
        "deactivated" => ImageStatus.Deactivated,
        "uploading" => ImageStatus.Uploading,
        "importing" => ImageStatus.Importing,
        _ => ImageStatus.Unknown,
    };

    public static string Format(ImageStatus status) => status switch
    {
        ImageStatus.PendingDelete => "pending_delete",
        ImageStatus.Unknown => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown is not a Glance status."),
        _ => status.ToString().ToLowerInvariant(),
    };

    public static ImageVisibility ParseVisibility(string? visibility) => visibility?.ToLowerInvariant() switch
    {
        "public" => ImageVisibility.Public,
        "shared" => ImageVisibility.Shared,
        "community" => ImageVisibility.Community,
        _ => ImageVisibility.Private,
    };

    public static string Format(ImageVisibility visibility) => visibility.ToString().ToLowerInvariant();

    public static MemberStatus ParseMemberStatus(string? status) => status?.ToLowerInvariant() switch
    {
        "accepted" => MemberStatus.Accepted,
        "rejected" => MemberStatus.Rejected,
        _ => MemberStatus.Pending,
    };

    public static string Format(MemberStatus status) => status.ToString().ToLowerInvariant();

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Nova's <c>property-X</c> filter names become <c>X</c>: the exact prefix, not a character-set strip.</summary>
    public static string WithoutPropertyPrefix(string key) =>
        key.StartsWith("property-", StringComparison.Ordinal) ? key["property-".Length..] : key;
}
