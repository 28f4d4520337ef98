using System.ComponentModel;
using System.Net;
using System.Runtime.CompilerServices;
using NovaImage.Transfers;
using Refit;

namespace NovaImage.V1;

/// <summary>
/// Glance API v1's implementation of the <see cref="IImageApi"/> operations v1 has: one method per member, with the
/// member's parameters after the client's core (the generated clients call these when the client uses API v1). v1
/// answers come back as responses rather than exceptions; each is checked here so failures take the same typed path
/// as v2's.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class V1ImageOperations
{
    /// <summary>Show: <c>HEAD /v1/images/{id}</c>; a deleted image is not found, as on v2.</summary>
    public static Task<Image> GetImageAsync(GlanceClientCore core, string imageId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV1Api, Image>(ImageOperation.Show, imageId, (api, ct) => ShowAsync(api, imageId, ct), cancellationToken);

    /// <summary>List: <c>GET /v1/images/detail</c> with limit and marker, until a short page; each page retried on its own.</summary>
    public static async IAsyncEnumerable<Image> ListImagesAsync(GlanceClientCore core, ImageQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, dropDeleted) = V1QueryTranslator.Translate(query ?? new ImageQuery());
        var limit = first.Limit ?? V1QueryTranslator.DefaultPageSize;
        var total = new ListingLimit(query);
        var marker = first.Marker;
        while (true)
        {
            var parameters = (first with { Marker = marker }).ToQueryParameters();
            var page = await core.ExecuteAsync<IGlanceV1Api, V1ImageList>(ImageOperation.List, null, async (api, ct) =>
            {
                using var response = await api.ListImagesDetailAsync(parameters, ct).ConfigureAwait(false);
                await response.EnsureSuccessStatusCodeAsync().ConfigureAwait(false);
                return response.Content!;
            }, cancellationToken).ConfigureAwait(false);
            foreach (var metadata in page.Images)
            {
                var image = V1ImageMapper.ToImage(metadata);
                if (dropDeleted && image.Deleted) continue;
                yield return image;
                if (total.Yielded()) yield break;
            }
            if (page.Images.Count < limit || page.Images[^1].Id is not { } last) yield break;
            marker = last;
        }
    }

    /// <summary>Create: <c>POST /v1/images</c> with the metadata as headers (or copy-from).</summary>
    public static Task<Image> CreateImageAsync(GlanceClientCore core, ImageCreate image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var headers = V1MetadataCodec.Encode(V1ImageMapper.ToMetadata(image), image.Id);
#pragma warning disable CS0618 // copy-from is this version's native form
        var copyFrom = image.CopyFrom;
#pragma warning restore CS0618
        return core.ExecuteAsync<IGlanceV1Api, Image>(ImageOperation.Create, image.Id, async (api, ct) =>
        {
            using var response = copyFrom is null
                ? await api.CreateImageAsync(headers, ct).ConfigureAwait(false)
                : await api.CreateImageCopyFromAsync(headers, copyFrom.AbsoluteUri, ct).ConfigureAwait(false);
            return V1ImageMapper.ToImage(await EnsureAsync(response).ConfigureAwait(false), image.Id);
        }, cancellationToken);
    }

    /// <summary>
    /// Update: <c>PUT /v1/images/{id}</c>. Without removals, properties are merged (purge off); with removals or
    /// <see cref="ImageUpdate.ReplaceProperties"/>, the full new set is sent with purge on — always explicit, since
    /// v1 purges when the header is absent.
    /// </summary>
    public static Task<Image> UpdateImageAsync(GlanceClientCore core, string imageId, ImageUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.OsHidden is not null) throw V1ImageMapper.NoV1Form(ImageOperation.Update, imageId, "os_hidden");
        foreach (var key in update.SetProperties.Keys)
        {
            if (update.RemoveProperties.Contains(key))
                throw new InvalidImageRequestException($"Property '{key}' is both set and removed in one update", new GlanceErrorContext(imageId));
        }
        var purge = update.ReplaceProperties || update.RemoveProperties.Count > 0;
        return core.ExecuteAsync<IGlanceV1Api, Image>(ImageOperation.Update, imageId, async (api, ct) =>
        {
            var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (purge && !update.ReplaceProperties)
            {
                foreach (var (key, value) in (await HeadAsync(api, imageId, ct).ConfigureAwait(false)).Properties) properties[key] = value;
                foreach (var key in update.RemoveProperties) properties.Remove(key);
            }
            foreach (var (key, value) in update.SetProperties) properties[key] = value;
            var metadata = new V1ImageMetadata
            {
                Name = update.Name,
                DiskFormat = update.DiskFormat,
                ContainerFormat = update.ContainerFormat,
                IsPublic = V1ImageMapper.ToIsPublic(update.Visibility, ImageOperation.Update, imageId),
                Protected = update.Protected,
                MinDisk = update.MinDisk,
                MinRam = update.MinRam,
                Owner = update.Owner,
                Properties = properties,
            };
            using var response = await api.UpdateImageAsync(imageId, V1MetadataCodec.Encode(metadata, imageId), purge, ct).ConfigureAwait(false);
            return V1ImageMapper.ToImage(await EnsureAsync(response).ConfigureAwait(false), imageId);
        }, cancellationToken);
    }

    /// <summary>Delete: <c>DELETE /v1/images/{id}</c>.</summary>
    public static Task DeleteImageAsync(GlanceClientCore core, string imageId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV1Api>(ImageOperation.Delete, imageId, async (api, ct) =>
        {
            using var response = await api.DeleteImageAsync(imageId, ct).ConfigureAwait(false);
            await response.EnsureSuccessStatusCodeAsync().ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Upload: <c>PUT /v1/images/{id}</c> with the data as body.</summary>
    public static async Task UploadAsync(GlanceClientCore core, string imageId, Stream data, UploadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (options?.Store is not null)
            throw V1ImageMapper.NoV1Form(ImageOperation.Upload, imageId, "a target store id (v1's x-image-meta-store names a scheme)");
        await Uploads.SignBeforeUploadAsync(imageId, data, options, (update, ct) => UpdateImageAsync(core, imageId, update, ct), cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if ((options?.Size ?? (data.CanSeek ? data.Length - data.Position : null)) is { } size)
            headers[V1MetadataCodec.MetaPrefix + "size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Uploads.SendAsync<IGlanceV1Api>(core, ImageOperation.Upload, imageId, data, options, async (api, body, ct) =>
        {
            using var response = await api.UploadImageAsync(imageId, headers, body, ct).ConfigureAwait(false);
            await EnsureAsync(response).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upload from a file: as <see cref="UploadAsync"/>, the size taken from the file.</summary>
    public static Task UploadFileAsync(GlanceClientCore core, string imageId, string path, UploadOptions? options, CancellationToken cancellationToken) =>
        Uploads.FromFileAsync(imageId, path, options, (data, withSize) => UploadAsync(core, imageId, data, withSize, cancellationToken));

    /// <summary>Share: <c>PUT /v1/images/{id}/members/{member}</c> (no consent step in v1).</summary>
    public static Task<ImageMember> AddMemberAsync(GlanceClientCore core, string imageId, string memberId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV1Api, ImageMember>(ImageOperation.AddMember, imageId, async (api, ct) =>
        {
            using var response = await api.AddMemberAsync(imageId, PathSegment.Require(memberId, "member id", imageId), ct).ConfigureAwait(false);
            await response.EnsureSuccessStatusCodeAsync().ConfigureAwait(false);
            return V1ImageMapper.ToMember(imageId, new V1Member { MemberId = memberId });
        }, cancellationToken);

    /// <summary>Unshare: <c>DELETE /v1/images/{id}/members/{member}</c>.</summary>
    public static Task RemoveMemberAsync(GlanceClientCore core, string imageId, string memberId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV1Api>(ImageOperation.RemoveMember, imageId, async (api, ct) =>
        {
            using var response = await api.RemoveMemberAsync(imageId, PathSegment.Require(memberId, "member id", imageId), ct).ConfigureAwait(false);
            await response.EnsureSuccessStatusCodeAsync().ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Members: <c>GET /v1/images/{id}/members</c>.</summary>
    public static Task<IReadOnlyList<ImageMember>> ListMembersAsync(GlanceClientCore core, string imageId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV1Api, IReadOnlyList<ImageMember>>(ImageOperation.ListMembers, imageId, async (api, ct) =>
        {
            using var response = await api.ListMembersAsync(imageId, ct).ConfigureAwait(false);
            await response.EnsureSuccessStatusCodeAsync().ConfigureAwait(false);
            return [.. response.Content!.Members.Select(m => V1ImageMapper.ToMember(imageId, m))];
        }, cancellationToken);

    /// <summary>Download to a file: v1 never reports locations, so this is HTTP (<c>GET /v1/images/{id}</c>), verified against the checksum.</summary>
    public static Task<DownloadResult> DownloadToFileAsync(GlanceClientCore core, string imageId, string destinationPath, DownloadOptions? options, CancellationToken cancellationToken) =>
        core.Downloader.DownloadToFileAsync(destinationPath, HttpImageSource.ForV1(imageId), ct => GetImageAsync(core, imageId, ct), options, cancellationToken);

    /// <summary>Download into a stream over HTTP, verified against the checksum.</summary>
    public static Task<DownloadResult> DownloadAsync(GlanceClientCore core, string imageId, Stream destination, DownloadOptions? options, CancellationToken cancellationToken) =>
        core.Downloader.DownloadAsync(destination, HttpImageSource.ForV1(imageId), ct => GetImageAsync(core, imageId, ct), options, cancellationToken);

    private static async Task<Image> ShowAsync(IGlanceV1Api api, string imageId, CancellationToken cancellationToken)
    {
        var image = await HeadAsync(api, imageId, cancellationToken).ConfigureAwait(false);
        if (image.Deleted || image.Status is ImageStatus.Deleted)
            throw new ImageNotFoundException("Glance Show: image not found (it is deleted)", new GlanceErrorContext(imageId, StatusCode: HttpStatusCode.NotFound));
        return image;
    }

    private static async Task<Image> HeadAsync(IGlanceV1Api api, string imageId, CancellationToken cancellationToken)
    {
        using var response = await api.GetImageMetadataAsync(imageId, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiException.Create(response.RequestMessage!, HttpMethod.Head, response, GlanceV1Client.Settings).ConfigureAwait(false);
        }
        return V1ImageMapper.ToImage(V1MetadataCodec.Decode(response), imageId);
    }

    private static async Task<V1ImageMetadata> EnsureAsync(IApiResponse<V1ImageEnvelope> response)
    {
        await response.EnsureSuccessStatusCodeAsync().ConfigureAwait(false);
        return response.Content?.Image ?? throw new GlanceServerException("Glance v1 answered without an image", new GlanceErrorContext());
    }
}
