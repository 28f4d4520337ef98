using Refit;

namespace NovaImage.V2;

/// <summary>
/// The Glance Images API v2 (as Zed serves it, up to 2.16), one method per route. Build it with
/// <see cref="GlanceV2Client.Create(HttpClient)"/> over an <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the Glance endpoint (routes are appended to its path) and which
/// carries the caller's <c>X-Auth-Token</c>.
/// </summary>
/// <remarks>
/// Failures raise Refit's <see cref="ApiException"/>; <see cref="GlanceApiError.FromApiException"/> reads the
/// status, <c>x-openstack-request-id</c> and Glance's JSON error body from it (every request sends
/// <c>Accept: application/json</c> so error bodies are JSON). The two methods whose response headers matter
/// (<see cref="CreateImageAsync"/> and <see cref="DownloadImageDataAsync"/>) return an <see cref="IApiResponse{T}"/>
/// instead of throwing: call <c>EnsureSuccessStatusCodeAsync()</c> on it for the same exception.
/// </remarks>
[GlanceApiVersion(2, Operations = typeof(V2ImageOperations))]
[Headers("Accept: application/json")]
public interface IGlanceV2Api
{
    // ------------------------------------------------------------------ discovery

    /// <summary><c>GET /versions</c>: the versions document (200; <c>GET /</c> serves the same body as a 300).</summary>
    [ImageOperation(ImageOperation.Versions)]
    [Get("/versions")]
    Task<GlanceVersions> GetVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/info/import</c>: the enabled import methods (v2.6+).</summary>
    [Get("/v2/info/import")]
    Task<GlanceImportInfo> GetImportInfoAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/info/stores</c>: the stores (v2.8+, multi-store only; 404 otherwise).</summary>
    [ImageOperation(ImageOperation.ListStores)]
    [Get("/v2/info/stores")]
    Task<GlanceStoreList> GetStoresAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/info/stores/detail</c>: stores with type and properties (v2.15+, admin only).</summary>
    [Get("/v2/info/stores/detail")]
    Task<GlanceStoreList> GetStoresDetailAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/info/usage</c>: the caller's quota usage (v2.13+).</summary>
    [Get("/v2/info/usage")]
    Task<GlanceUsage> GetUsageAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/schemas/{name}</c>: <c>image</c>, <c>images</c>, <c>member</c>, <c>members</c>, <c>task</c> or <c>tasks</c>.</summary>
    [Get("/v2/schemas/{schemaName}")]
    Task<GlanceSchema> GetSchemaAsync(string schemaName, CancellationToken cancellationToken = default);

    // ------------------------------------------------------------------ images

    /// <summary>
    /// <c>GET /v2/images</c>: one page. Null arguments are not sent. <paramref name="name"/>, <paramref name="id"/>,
    /// <paramref name="status"/>, <paramref name="containerFormat"/> and <paramref name="diskFormat"/> take
    /// <c>value</c>, <c>eq:value</c> or <c>in:a,b</c>; <paramref name="createdAt"/>/<paramref name="updatedAt"/> take
    /// <c>gt|gte|eq|neq|lt|lte:ISO-8601</c> (<see cref="GlanceListFilter"/> builds both). Follow
    /// <see cref="GlanceImageList.Next"/> with <see cref="ListImagesNextPageAsync"/>.
    /// </summary>
    /// <param name="limit">Page size (server default 25, capped at <c>api_limit_max</c>).</param>
    /// <param name="marker">Id of the last image of the previous page.</param>
    /// <param name="sortKeys">Sort keys (repeated <c>sort_key</c>).</param>
    /// <param name="sortDirs">One direction for all keys, or one per key (<c>asc</c>/<c>desc</c>).</param>
    /// <param name="sort">The combined syntax <c>name:asc,status:desc</c> (not together with the two above).</param>
    /// <param name="name">Name filter.</param>
    /// <param name="id">Id filter.</param>
    /// <param name="status">Status filter.</param>
    /// <param name="visibility">public, private, shared, community or all.</param>
    /// <param name="memberStatus">pending, accepted, rejected or all (with shared images).</param>
    /// <param name="owner">Owner project.</param>
    /// <param name="isProtected">Protected flag.</param>
    /// <param name="osHidden">true lists only hidden images.</param>
    /// <param name="checksum">MD5 checksum.</param>
    /// <param name="osHashValue">Multihash value.</param>
    /// <param name="containerFormat">Container format filter.</param>
    /// <param name="diskFormat">Disk format filter.</param>
    /// <param name="createdAt">Creation time comparison.</param>
    /// <param name="updatedAt">Update time comparison.</param>
    /// <param name="sizeMin">Minimum size in bytes.</param>
    /// <param name="sizeMax">Maximum size in bytes.</param>
    /// <param name="tags">Tags, all required (repeated <c>tag</c>).</param>
    /// <param name="properties">Exact match on extra properties (each key is a query parameter).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [ImageOperation(ImageOperation.List)]
    [Get("/v2/images")]
    Task<GlanceImageList> ListImagesAsync(
        int? limit = null,
        string? marker = null,
        [Query(CollectionFormat.Multi), AliasAs("sort_key")] IEnumerable<string>? sortKeys = null,
        [Query(CollectionFormat.Multi), AliasAs("sort_dir")] IEnumerable<string>? sortDirs = null,
        string? sort = null,
        string? name = null,
        string? id = null,
        string? status = null,
        string? visibility = null,
        [AliasAs("member_status")] string? memberStatus = null,
        string? owner = null,
        [AliasAs("protected")] bool? isProtected = null,
        [AliasAs("os_hidden")] bool? osHidden = null,
        string? checksum = null,
        [AliasAs("os_hash_value")] string? osHashValue = null,
        [AliasAs("container_format")] string? containerFormat = null,
        [AliasAs("disk_format")] string? diskFormat = null,
        [AliasAs("created_at")] string? createdAt = null,
        [AliasAs("updated_at")] string? updatedAt = null,
        [AliasAs("size_min")] long? sizeMin = null,
        [AliasAs("size_max")] long? sizeMax = null,
        [Query(CollectionFormat.Multi), AliasAs("tag")] IEnumerable<string>? tags = null,
        [Query] IDictionary<string, string>? properties = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The page a <see cref="GlanceImageList.Next"/> (or <see cref="GlanceImageList.First"/>) link names, given as an
    /// absolute URL: <see cref="GlanceV2Client.ResolveLink"/> makes one from the link and the endpoint.
    /// </summary>
    [Get("")]
    Task<GlanceImageList> ListImagesNextPageAsync([Url] string pageUrl, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/images/{id}</c>: one image (404 when missing or not visible to the caller).</summary>
    [ImageOperation(ImageOperation.Show)]
    [Get("/v2/images/{imageId}")]
    Task<GlanceImage> GetImageAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v2/images</c>: creates a queued image (201). The response's headers carry <c>Location</c>,
    /// <c>OpenStack-image-import-methods</c> and (multi-store) <c>OpenStack-image-store-ids</c>.
    /// </summary>
    [ImageOperation(ImageOperation.Create)]
    [Post("/v2/images")]
    Task<IApiResponse<GlanceImage>> CreateImageAsync([Body] GlanceImageCreate image, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /v2/images/{id}</c> with a v2.1 JSON Patch; returns the updated image.</summary>
    [ImageOperation(ImageOperation.Update)]
    [Patch("/v2/images/{imageId}")]
    [Headers("Content-Type: application/openstack-images-v2.1-json-patch")]
    Task<GlanceImage> UpdateImageAsync(string imageId, [Body] GlancePatchOperation[] patch, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /v2/images/{id}</c> adding one location (<c>add /locations/-</c>); returns the updated image.</summary>
    [ImageOperation(ImageOperation.AddLocation)]
    [Patch("/v2/images/{imageId}")]
    [Headers("Content-Type: application/openstack-images-v2.1-json-patch")]
    Task<GlanceImage> AddLocationAsync(string imageId, [Body] GlancePatchOperation[] patch, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /v2/images/{id}</c> removing one location (<c>remove /locations/{index}</c>); returns the updated image.</summary>
    [ImageOperation(ImageOperation.RemoveLocation)]
    [Patch("/v2/images/{imageId}")]
    [Headers("Content-Type: application/openstack-images-v2.1-json-patch")]
    Task<GlanceImage> RemoveLocationAsync(string imageId, [Body] GlancePatchOperation[] patch, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v2/images/{id}</c> (204; protected → 403).</summary>
    [ImageOperation(ImageOperation.Delete)]
    [Delete("/v2/images/{imageId}")]
    Task DeleteImageAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /v2/images/{id}/file</c>: streams <paramref name="data"/> (never buffered; chunked when the stream
    /// cannot seek) into a queued image, optionally into one store (<c>X-Image-Meta-Store</c>, v2.8+).
    /// </summary>
    [ImageOperation(ImageOperation.Upload)]
    [Put("/v2/images/{imageId}/file")]
    [Headers("Content-Type: application/octet-stream")]
    Task UploadImageDataAsync(
        string imageId,
        [Body] Stream data,
        [Header("X-Image-Meta-Store")] string? store = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v2/images/{id}/file</c>: the response as soon as its headers arrive, with the body as an unbuffered
    /// stream (dispose the response). 200 (<c>Content-MD5</c> = hex MD5 of the whole image), 206 for a
    /// <paramref name="range"/> such as <c>bytes=100-</c> (with <c>Content-Range</c>), 204 when there is no data.
    /// </summary>
    [ImageOperation(ImageOperation.Download)]
    [Get("/v2/images/{imageId}/file")]
    Task<IApiResponse<Stream>> DownloadImageDataAsync(
        string imageId,
        [Header("Range")] string? range = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v2/images/{id}/stage</c>: streams data to the staging area for glance-direct (v2.6+).</summary>
    [ImageOperation(ImageOperation.Stage)]
    [Put("/v2/images/{imageId}/stage")]
    [Headers("Content-Type: application/octet-stream")]
    Task StageImageDataAsync(string imageId, [Body] Stream data, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v2/images/{id}/import</c>: starts an interoperable import (202); poll the image for the result.
    /// <paramref name="store"/> (<c>X-Image-Meta-Store</c>) applies when the request names no stores.
    /// </summary>
    [ImageOperation(ImageOperation.Import)]
    [Post("/v2/images/{imageId}/import")]
    Task ImportImageAsync(
        string imageId,
        [Body] GlanceImportRequest request,
        [Header("X-Image-Meta-Store")] string? store = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/images/{id}/tasks</c>: the image's import tasks (v2.12+).</summary>
    [Get("/v2/images/{imageId}/tasks")]
    Task<GlanceTaskList> GetImageTasksAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/images/{id}/actions/deactivate</c> (v2.3+, admin by default).</summary>
    [ImageOperation(ImageOperation.Deactivate)]
    [Post("/v2/images/{imageId}/actions/deactivate")]
    Task DeactivateImageAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/images/{id}/actions/reactivate</c> (v2.3+, admin by default).</summary>
    [ImageOperation(ImageOperation.Reactivate)]
    [Post("/v2/images/{imageId}/actions/reactivate")]
    Task ReactivateImageAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v2/stores/{store}/{id}</c>: removes the image's data from one store (v2.10+; last copy → 403).</summary>
    [Delete("/v2/stores/{store}/{imageId}")]
    Task DeleteImageFromStoreAsync(string store, string imageId, CancellationToken cancellationToken = default);

    // ------------------------------------------------------------------ tags

    /// <summary><c>PUT /v2/images/{id}/tags/{tag}</c> (204; over <c>image_tag_quota</c> → 413).</summary>
    [ImageOperation(ImageOperation.AddTag)]
    [Put("/v2/images/{imageId}/tags/{tag}")]
    Task AddTagAsync(string imageId, string tag, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v2/images/{id}/tags/{tag}</c> (204; missing tag → 404).</summary>
    [ImageOperation(ImageOperation.RemoveTag)]
    [Delete("/v2/images/{imageId}/tags/{tag}")]
    Task RemoveTagAsync(string imageId, string tag, CancellationToken cancellationToken = default);

    // ------------------------------------------------------------------ members

    /// <summary><c>POST /v2/images/{id}/members</c>: shares a <c>shared</c> image with a project (status pending).</summary>
    [ImageOperation(ImageOperation.AddMember)]
    [Post("/v2/images/{imageId}/members")]
    Task<GlanceImageMember> AddMemberAsync(string imageId, [Body] GlanceMemberCreate member, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/images/{id}/members</c> (the owner sees all; a member only itself).</summary>
    [ImageOperation(ImageOperation.ListMembers)]
    [Get("/v2/images/{imageId}/members")]
    Task<GlanceImageMemberList> ListMembersAsync(string imageId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/images/{id}/members/{member}</c>.</summary>
    [Get("/v2/images/{imageId}/members/{memberId}")]
    Task<GlanceImageMember> GetMemberAsync(string imageId, string memberId, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v2/images/{id}/members/{member}</c>: the member accepts, rejects or resets the share.</summary>
    [ImageOperation(ImageOperation.SetMemberStatus)]
    [Put("/v2/images/{imageId}/members/{memberId}")]
    Task<GlanceImageMember> UpdateMemberStatusAsync(string imageId, string memberId, [Body] GlanceMemberStatusUpdate status, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v2/images/{id}/members/{member}</c>: stops sharing (owner only).</summary>
    [ImageOperation(ImageOperation.RemoveMember)]
    [Delete("/v2/images/{imageId}/members/{memberId}")]
    Task RemoveMemberAsync(string imageId, string memberId, CancellationToken cancellationToken = default);

    // ------------------------------------------------------------------ tasks

    /// <summary><c>POST /v2/tasks</c>: creates a task (201; admin by default).</summary>
    [Post("/v2/tasks")]
    Task<GlanceTask> CreateTaskAsync([Body] GlanceTaskCreate task, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/tasks</c>: one page of tasks (admin by default).</summary>
    [Get("/v2/tasks")]
    Task<GlanceTaskList> ListTasksAsync(
        int? limit = null,
        string? marker = null,
        string? status = null,
        string? type = null,
        [AliasAs("sort_key")] string? sortKey = null,
        [AliasAs("sort_dir")] string? sortDir = null,
        CancellationToken cancellationToken = default);

    /// <summary>The tasks page a <see cref="GlanceTaskList.Next"/> link names (absolute URL, see <see cref="GlanceV2Client.ResolveLink"/>).</summary>
    [Get("")]
    Task<GlanceTaskList> ListTasksNextPageAsync([Url] string pageUrl, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/tasks/{id}</c>.</summary>
    [Get("/v2/tasks/{taskId}")]
    Task<GlanceTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default);
}
