namespace NovaImage;

/// <summary>Image visibility (v2 vocabulary; v1's <c>is_public</c> maps to Public / Private).</summary>
public enum ImageVisibility
{
    /// <summary>Only the owner (and members) see it. (v2 default for new images is Shared.)</summary>
    Private = 0,
    /// <summary>Shared with member projects.</summary>
    Shared,
    /// <summary>Everyone may use it; not listed by default.</summary>
    Community,
    /// <summary>Everyone sees it.</summary>
    Public,
}
