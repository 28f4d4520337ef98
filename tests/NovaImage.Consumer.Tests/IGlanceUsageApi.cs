using NovaImage.V2;
using Refit;

namespace NovaImage.Consumer.Tests;

/// <summary>
/// A Glance route <see cref="IImageApi"/> does not have, declared by the consumer: the generator adds
/// <c>GetUsageAsync</c> to this project's clients (<see cref="MyImages"/>, <see cref="ConsumerImageApi"/>), sent through
/// their core. Its model is NovaImage's own (<see cref="GlanceUsage"/> is in NovaImage's v2 JSON context).
/// </summary>
[GlanceApiVersion(2)]
public interface IGlanceUsageApi
{
    /// <summary><c>GET /v2/info/usage</c> (Glance 2.13+): the caller's quota usage.</summary>
    [Get("/v2/info/usage")]
    Task<GlanceUsage> GetUsageAsync(CancellationToken cancellationToken);
}
