using Refit;

namespace NovaImage.V1;

/// <summary>
/// Glance Images API v1 (Queens, the last release that served it), every route of the reference. The
/// <see cref="HttpClient.BaseAddress"/> is the Glance endpoint root (e.g. <c>http://glance:9292</c>, any path prefix kept).
/// </summary>
/// <remarks>
/// Image metadata travels as headers: pass <see cref="V1MetadataCodec.Encode"/>'s output as the header collection,
/// and decode responses with <see cref="V1MetadataCodec.Decode(HttpResponseMessage)"/>. Methods whose metadata comes
/// back in headers return the <see cref="HttpResponseMessage"/> (not buffered; the caller disposes it); JSON
/// methods return <see cref="IApiResponse{T}"/>. None of them throws for an HTTP error status: callers check it.
/// </remarks>
[GlanceApiVersion(1, Operations = typeof(V1ImageOperations))]
[V1Only("Use Glance v2: IImageApi with ApiVersion.V2 (or NovaImage.V2.IGlanceV2Api); no supported Glance serves v1.")]
public interface IGlanceV1Api
{
    /// <summary><c>GET /versions</c>: the versions document (200).</summary>
    [ImageOperation(ImageOperation.Versions)]
    [Get("/versions")]
    Task<IApiResponse<V1VersionsDocument>> GetVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/</c>: the brief image list (same as <see cref="ListImagesAsync"/>).</summary>
    [Get("/v1/")]
    Task<IApiResponse<V1ImageList>> ListImagesAtRootAsync([Query] IDictionary<string, string> query, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/images</c>: one page of the brief list (id, name, size, formats, checksum).</summary>
    [Get("/v1/images")]
    Task<IApiResponse<V1ImageList>> ListImagesAsync([Query] IDictionary<string, string> query, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/images/detail</c>: one page of the detailed list (every field and properties). Query from <see cref="V1ImageListQuery.ToQueryParameters"/>.</summary>
    [ImageOperation(ImageOperation.List)]
    [Get("/v1/images/detail")]
    Task<IApiResponse<V1ImageList>> ListImagesDetailAsync([Query] IDictionary<string, string> query, CancellationToken cancellationToken = default);

    /// <summary><c>HEAD /v1/images/{id}</c>: the image's metadata as headers (200, no body).</summary>
    [ImageOperation(ImageOperation.Show)]
    [Head("/v1/images/{imageId}")]
    Task<HttpResponseMessage> GetImageMetadataAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/images/{id}</c>: the data, streamed (read the body as it arrives), with the metadata headers.</summary>
    [ImageOperation(ImageOperation.Download)]
    [Get("/v1/images/{imageId}")]
    Task<HttpResponseMessage> DownloadImageAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/images</c> without data (201): reserves a queued image, or an active empty one with
    /// <c>x-image-meta-size: 0</c>, or registers external data with <c>x-image-meta-location</c>.
    /// </summary>
    [ImageOperation(ImageOperation.Create)]
    [Post("/v1/images")]
    Task<IApiResponse<V1ImageEnvelope>> CreateImageAsync([HeaderCollection] IDictionary<string, string> metadata, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/images</c> with the data streamed in the body (201, active). Formats are required.</summary>
    [Post("/v1/images")]
    [Headers("Content-Type: application/octet-stream")]
    Task<IApiResponse<V1ImageEnvelope>> CreateImageWithDataAsync([HeaderCollection] IDictionary<string, string> metadata, [Body] Stream data, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/images</c> with <c>x-glance-api-copy-from</c>: the server fetches the data asynchronously (201, queued).</summary>
    [Post("/v1/images")]
    Task<IApiResponse<V1ImageEnvelope>> CreateImageCopyFromAsync([HeaderCollection] IDictionary<string, string> metadata, [Header(V1MetadataCodec.CopyFromHeader)] string copyFrom, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /v1/images/{id}</c> (200): changes metadata. With <paramref name="purgeProperties"/> true the server
    /// removes every property not in <paramref name="metadata"/>; false merges (the server purges when the header is absent).
    /// </summary>
    [ImageOperation(ImageOperation.Update)]
    [Put("/v1/images/{imageId}")]
    Task<IApiResponse<V1ImageEnvelope>> UpdateImageAsync(string imageId, [HeaderCollection] IDictionary<string, string> metadata, [Header(V1MetadataCodec.PurgePropertiesHeader)] bool purgeProperties, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/images/{id}</c> with data (200): uploads to a queued image (409 otherwise); properties are never purged.</summary>
    [ImageOperation(ImageOperation.Upload)]
    [Put("/v1/images/{imageId}")]
    [Headers("Content-Type: application/octet-stream")]
    Task<IApiResponse<V1ImageEnvelope>> UploadImageAsync(string imageId, [HeaderCollection] IDictionary<string, string> metadata, [Body] Stream data, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v1/images/{id}</c>: 200 with an empty body (not 204).</summary>
    [ImageOperation(ImageOperation.Delete)]
    [Delete("/v1/images/{imageId}")]
    Task<IApiResponse> DeleteImageAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/images/{id}/members</c> (200).</summary>
    [ImageOperation(ImageOperation.ListMembers)]
    [Get("/v1/images/{imageId}/members")]
    Task<IApiResponse<V1MemberList>> ListMembersAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/images/{id}/members</c> (204): replaces the whole member list.</summary>
    [Put("/v1/images/{imageId}/members")]
    Task<IApiResponse> ReplaceMembersAsync(string imageId, [Body] V1MembershipsRequest memberships, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/images/{id}/members/{member}</c> without body (204): shares the image (no acceptance step in v1); an existing member keeps its can_share.</summary>
    [ImageOperation(ImageOperation.AddMember)]
    [Put("/v1/images/{imageId}/members/{memberId}")]
    Task<IApiResponse> AddMemberAsync(string imageId, string memberId, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/images/{id}/members/{member}</c> with <c>{"member": {"can_share": ...}}</c> (204): adds or updates one member.</summary>
    [Put("/v1/images/{imageId}/members/{memberId}")]
    Task<IApiResponse> SetMemberAsync(string imageId, string memberId, [Body] V1MemberRequest member, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v1/images/{id}/members/{member}</c> (204; 404 if not a member).</summary>
    [ImageOperation(ImageOperation.RemoveMember)]
    [Delete("/v1/images/{imageId}/members/{memberId}")]
    Task<IApiResponse> RemoveMemberAsync(string imageId, string memberId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/shared-images/{member}</c> (200): the images shared with a project.</summary>
    [Get("/v1/shared-images/{memberId}")]
    Task<IApiResponse<V1SharedImageList>> ListSharedImagesAsync(string memberId, CancellationToken cancellationToken = default);
}
