namespace NovaImage.Core;

/// <summary>What each <see cref="GlanceFeature"/> needs: the minor version that introduced it and where to probe.</summary>
internal static class GlanceFeatures
{
    public static (int Minor, string? ProbePath) Requirement(GlanceFeature feature) => feature switch
    {
        GlanceFeature.Import => (6, "v2/info/import"),
        GlanceFeature.MultiStore => (8, "v2/info/stores"),
        GlanceFeature.DeleteFromStore => (10, "v2/info/stores"),
        GlanceFeature.ImageTasks => (12, null),
        GlanceFeature.Usage => (13, "v2/info/usage"),
        GlanceFeature.Cache => (14, "v2/cache"),
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Unknown Glance feature."),
    };
}
