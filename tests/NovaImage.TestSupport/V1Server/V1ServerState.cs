namespace NovaImage.TestSupport.V1Server;

/// <summary>The registry of the v1 server: images, their members and data, under one lock.</summary>
internal sealed class V1ServerState(V1ServerOptions options)
{
    public V1ServerOptions Options { get; } = options;
    public object Gate { get; } = new();
    public Dictionary<string, V1ServerImage> Images { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>UTC now at microsecond precision (what Glance's DB keeps).</summary>
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }

    /// <summary>Registry visibility: admin, public, owner, or a member in any state (v1 has no acceptance).</summary>
    public static bool IsVisible(V1ServerImage image, V1Caller caller) =>
        caller.IsAdmin || image.IsPublic || image.Owner == caller.ProjectId || IsMember(image, caller.ProjectId);

    public static bool IsMember(V1ServerImage image, string projectId) => image.Members.Any(m => m.MemberId == projectId);

    /// <summary>Only admins and the owner may change an image.</summary>
    public static bool IsMutable(V1ServerImage image, V1Caller caller) =>
        caller.IsAdmin || (image.Owner is not null && image.Owner == caller.ProjectId);

    /// <summary>The image as HEAD/GET/PUT/DELETE see it: 404 when unknown or invisible (existence hidden), and deleted ones for admins only.</summary>
    public V1ServerImage Find(string id, V1Caller caller)
    {
        if (!Images.TryGetValue(id, out var image) || !IsVisible(image, caller) || (image.Deleted && !caller.IsAdmin))
            throw new V1HttpError(404, $"Image with identifier {id} not found");
        return image;
    }
}
