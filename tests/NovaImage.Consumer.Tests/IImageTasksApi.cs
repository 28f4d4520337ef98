using Refit;

namespace NovaImage.Consumer.Tests;

/// <summary>A consumer route with the consumer's own models, serialized by the context it names.</summary>
[GlanceApiVersion(2, JsonContext = typeof(ConsumerJsonContext))]
public interface IImageTasksApi
{
    /// <summary><c>GET /v2/images/{imageId}/tasks</c> (Glance 2.12+): the tasks that worked on the image (imports).</summary>
    [Get("/v2/images/{imageId}/tasks")]
    Task<ImageTaskList> GetImageTasksAsync(string imageId, CancellationToken cancellationToken);
}
