namespace NovaImage.DirectStore;

/// <summary>What an adapter may consult: the image and the client's direct-store configuration.</summary>
/// <param name="Image">The image being downloaded.</param>
/// <param name="Options">The client's options (filesystems, allowed schemes).</param>
public sealed record DirectStoreContext(Image Image, GlanceOptions Options);
