using NovaImage.V1;

/// <summary>Deletes through the v1 Refit interface, as pre-Rocky tooling did.</summary>
internal static class LegacyV1Cleanup
{
    public static Task DeleteAsync(IGlanceV1Api api, string imageId) => api.DeleteImageAsync(imageId); // NIMG0301
}
