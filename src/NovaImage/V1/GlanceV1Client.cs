using Refit;

namespace NovaImage.V1;

/// <summary>Creates the generated <see cref="IGlanceV1Api"/> client (no reflection: Refit's generated stub and <see cref="GlanceV1JsonContext"/>).</summary>
[V1Only("Use Glance v2: IImageApi with ApiVersion.V2 (or NovaImage.V2.IGlanceV2Api); no supported Glance serves v1.")]
internal static class GlanceV1Client
{
    /// <summary>
    /// The Refit settings of the v1 client: System.Text.Json over <see cref="GlanceV1JsonContext"/>, and request
    /// bodies streamed (image data is never buffered in memory).
    /// </summary>
    public static RefitSettings Settings { get; } = new()
    {
        ContentSerializer = new SystemTextJsonContentSerializer(GlanceV1JsonContext.Default.Options),
        Buffered = false,
    };

    /// <summary>
    /// A v1 client over <paramref name="httpClient"/>, whose <see cref="HttpClient.BaseAddress"/> is the Glance
    /// endpoint root and whose handlers add authentication (<c>X-Auth-Token</c>).
    /// </summary>
    public static IGlanceV1Api Create(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return RestService.ForGenerated<IGlanceV1Api>(httpClient, Settings);
    }
}
