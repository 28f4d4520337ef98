namespace NovaImage.Core;

/// <summary>
/// Values that travel as one segment of a request path: image ids, tags, member ids. Refit escapes reserved
/// characters, but <c>.</c> and <c>..</c> are unreserved, and <see cref="Uri"/> (and any proxy that normalizes paths)
/// resolves them: <c>DELETE /v2/images/ID/tags/..</c> becomes <c>DELETE /v2/images/ID/</c>, the image itself. Such a
/// value, or an empty one, is refused before anything is sent.
/// </summary>
internal static class PathSegment
{
    /// <summary>Returns <paramref name="value"/>, or throws <see cref="InvalidImageRequestException"/> naming <paramref name="what"/>.</summary>
    public static string Require(string value, string what, string? imageId)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value is "." or "..")
        {
            throw new InvalidImageRequestException(
                $"The {what} '{value}' cannot be sent: an empty, '.' or '..' path segment names another resource; nothing was sent",
                new GlanceErrorContext(imageId));
        }
        return value;
    }
}
