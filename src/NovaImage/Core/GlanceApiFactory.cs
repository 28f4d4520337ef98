namespace NovaImage.Core;

/// <summary>Creates the Refit client of a Glance version over an <see cref="HttpClient"/> (generated stubs only, AOT-clean).</summary>
internal static class GlanceApiFactory
{
    public static TApi Create<TApi>(HttpClient http) where TApi : class
    {
        if (typeof(TApi) == typeof(V2.IGlanceV2Api)) return (TApi)V2.GlanceV2Client.Create(http);
        if (typeof(TApi) == typeof(V1.IGlanceV1Api)) return (TApi)V1.GlanceV1Client.Create(http);
        throw new NotSupportedException($"{typeof(TApi)} is not a Glance API interface this runtime knows.");
    }
}
