using System.Text.Json;

namespace NovaImage.TestSupport.V1Server;

/// <summary>
/// Registers images by location on the <see cref="V1Server"/> (<c>x-image-meta-location</c>, v1.md §5.3): such an
/// image has the probed size but no checksum, the one kind of image a Glance serves without any hash. Tests of
/// "nothing could be verified" use it.
/// </summary>
public static class V1LocationImages
{
    /// <summary>Creates an active raw image whose data is <paramref name="location"/>; returns its id.</summary>
    public static async Task<string> CreateByLocationAsync(this V1Server server, GlanceIdentity identity, Uri location, string name)
    {
        using var http = server.CreateClient(identity);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/images");
        request.Headers.Add("x-image-meta-name", name);
        request.Headers.Add("x-image-meta-disk_format", "raw");
        request.Headers.Add("x-image-meta-container_format", "bare");
        request.Headers.Add("x-image-meta-location", location.AbsoluteUri);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return body.RootElement.GetProperty("image").GetProperty("id").GetString()!;
    }
}
