namespace NovaImage.TestSupport;

/// <summary>
/// Identities for the dev Glance: its devtoken filter turns <c>X-Auth-Token: PROJECT:USER[:ROLES]</c> into a
/// request context, so tests can act as any project or as admin.
/// </summary>
public sealed record GlanceIdentity(string ProjectId, string UserId, string Roles)
{
    /// <summary>The token to send as <c>X-Auth-Token</c>.</summary>
    public string Token => $"{ProjectId}:{UserId}:{Roles}";

    /// <summary>Owner of most test images.</summary>
    public static GlanceIdentity ProjectA { get; } = new("11111111111111111111111111111111", "alice", "member,reader");
    /// <summary>A second project (member of shared images).</summary>
    public static GlanceIdentity ProjectB { get; } = new("22222222222222222222222222222222", "bob", "member,reader");
    /// <summary>A third project that must not see private or shared images.</summary>
    public static GlanceIdentity ProjectC { get; } = new("33333333333333333333333333333333", "carol", "member,reader");
    /// <summary>An admin.</summary>
    public static GlanceIdentity Admin { get; } = new("99999999999999999999999999999999", "root", "admin,member,reader");
}
