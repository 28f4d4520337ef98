namespace NovaImage.DirectStore;

/// <summary>
/// Copies image data straight from a store the host can see. Mark the implementing class with
/// <see cref="DirectStoreAttribute"/> to register it for a URL scheme in the generated client.
/// </summary>
public interface IDirectStoreAdapter
{
    /// <summary>
    /// Opens the data behind <paramref name="location"/> for reading, or returns a refusal explaining why this
    /// location cannot be served directly (the client then falls back to HTTP).
    /// </summary>
    ValueTask<DirectStoreOpenResult> OpenAsync(ImageLocation location, DirectStoreContext context, CancellationToken cancellationToken);
}
