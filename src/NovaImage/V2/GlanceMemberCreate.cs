namespace NovaImage.V2;

/// <summary>The body of <c>POST /v2/images/{id}/members</c>.</summary>
/// <param name="Member">The project to share the image with.</param>
public sealed record GlanceMemberCreate(string Member);
