using System.Text.Json;
using Refit;

namespace NovaImage.Cli.Glance;

/// <summary>
/// Glance v2's own image documents, untouched: what <c>--json</c> prints is exactly what Glance returned (every
/// key, extra properties flat at the top level), not NovaImage's model.
/// </summary>
[GlanceApiVersion(2, JsonContext = typeof(GlanceDocumentJsonContext))]
internal interface IGlanceImageDocumentApi
{
    /// <summary><c>GET /v2/images/{imageId}</c>: the image document.</summary>
    [Get("/v2/images/{imageId}")]
    Task<JsonElement> GetImageDocumentAsync(string imageId, CancellationToken cancellationToken);
}
