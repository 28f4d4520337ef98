namespace NovaImage.V2;

/// <summary>The body of <c>PUT /v2/images/{id}/members/{member}</c>.</summary>
/// <param name="Status"><c>accepted</c>, <c>rejected</c> or <c>pending</c>.</param>
public sealed record GlanceMemberStatusUpdate(string Status);
