using System.Net;

namespace NovaImage.TestSupport.V1Server;

/// <summary>
/// The request's identity, from the dev Glance's token convention <c>X-Auth-Token: PROJECT:USER[:ROLES]</c>
/// (URL-decoded first; roles default to <c>member,reader</c>; a role <c>admin</c> makes the caller an admin).
/// </summary>
internal sealed record V1Caller(string ProjectId, string UserId, IReadOnlyList<string> Roles)
{
    public bool IsAdmin => Roles.Contains("admin");

    public static V1Caller? FromToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        var parts = WebUtility.UrlDecode(token).Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0) return null;
        var roles = (parts.Length == 3 ? parts[2] : "member,reader")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant())
            .ToArray();
        return new V1Caller(parts[0], parts[1], roles);
    }
}
