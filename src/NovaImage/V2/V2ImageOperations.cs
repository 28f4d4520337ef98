using System.ComponentModel;
using System.Runtime.CompilerServices;
using NovaImage.DirectStore;
using NovaImage.Core;
using NovaImage.Transfers;
using NovaImage.V2;
using Refit;

namespace NovaImage.V2;

/// <summary>
/// The v2 side of the operations whose Refit call needs translating (the generated clients call these; the
/// operations whose arguments bind directly are called on <see cref="IGlanceV2Api"/> by the generated code).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class V2ImageOperations
{
    /// <summary>Show: <c>GET /v2/images/{id}</c>.</summary>
    public static async Task<Image> ShowAsync(IGlanceV2Api api, string imageId, CancellationToken cancellationToken) =>
        V2ImageMapper.ToImage(await api.GetImageAsync(imageId, cancellationToken).ConfigureAwait(false));

    /// <summary>List: the first page from the query, then each <c>next</c> link, each page retried on its own.</summary>
    public static async IAsyncEnumerable<Image> ListAsync(GlanceTransport transport, ImageQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = V2QueryTranslator.Translate(query ?? new ImageQuery());
        var total = new ListingLimit(query);
        var page = await transport.ExecuteAsync<IGlanceV2Api, GlanceImageList>(ImageOperation.List, null, true,
            (api, ct) => api.ListImagesAsync(filter.Limit, filter.Marker, filter.SortKeys, filter.SortDirs, null, filter.Name, filter.Id, filter.Status,
                filter.Visibility, filter.MemberStatus, filter.Owner, filter.Protected, filter.OsHidden, null, null, filter.ContainerFormat,
                filter.DiskFormat, filter.CreatedAt, filter.UpdatedAt, filter.SizeMin, filter.SizeMax, filter.Tags, filter.Properties, ct),
            cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var image in page.Images)
            {
                yield return V2ImageMapper.ToImage(image);
                if (total.Yielded()) yield break;
            }
            if (string.IsNullOrEmpty(page.Next) || page.Images.Count == 0) yield break;
            var next = page.Next;
            page = await transport.ExecuteWithServerAsync<IGlanceV2Api, GlanceImageList>(ImageOperation.List, null, true,
                (api, server, ct) => api.ListImagesNextPageAsync(GlanceV2Client.ResolveLink(server, next), ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Create: <c>POST /v2/images</c> (no data; v1's copy-from has no v2 form here).</summary>
    public static async Task<Image> CreateAsync(IGlanceV2Api api, ImageCreate image, CancellationToken cancellationToken)
    {
#pragma warning disable CS0618 // reading the v1-only field to refuse it clearly
        if (image.CopyFrom is not null)
#pragma warning restore CS0618
            throw new FeatureNotSupportedException(
                "Glance Create: copy-from is v1 only; create the image, then ImportAsync(id, ImageImport.WebDownload(uri))",
                new GlanceErrorContext(image.Id));
        using var response = await api.CreateImageAsync(V2ImageMapper.ToCreate(image), cancellationToken).ConfigureAwait(false);
        await response.EnsureSuccessStatusCodeAsync().ConfigureAwait(false);
        return V2ImageMapper.ToImage(response.Content!);
    }

    /// <summary>Update: reads the image, then sends one JSON Patch (replace/add/remove, purge as explicit removals).</summary>
    public static async Task<Image> UpdateAsync(IGlanceV2Api api, string imageId, ImageUpdate update, CancellationToken cancellationToken)
    {
        var current = V2ImageMapper.ToImage(await api.GetImageAsync(imageId, cancellationToken).ConfigureAwait(false));
        var patch = V2PatchBuilder.Build(update, current);
        if (patch.Count == 0) return current;
        return V2ImageMapper.ToImage(await api.UpdateImageAsync(imageId, [.. patch], cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Upload: <c>PUT /v2/images/{id}/file</c>, streamed, with progress; <c>X-Image-Meta-Store</c> when a store is named.</summary>
    public static Task UploadAsync(IGlanceV2Api api, string imageId, Stream data, UploadOptions? options, CancellationToken cancellationToken) =>
        api.UploadImageDataAsync(imageId, UploadBody.Wrap(data, options), options?.Store, cancellationToken);

    /// <summary>Stage: <c>PUT /v2/images/{id}/stage</c> for a later glance-direct import.</summary>
    public static Task StageAsync(IGlanceV2Api api, string imageId, Stream data, UploadOptions? options, CancellationToken cancellationToken)
    {
        if (options?.Store is not null)
            throw new InvalidImageRequestException("Glance Stage: staged data has no store; name the stores in the import instead", new GlanceErrorContext(imageId));
        return api.StageImageDataAsync(imageId, UploadBody.Wrap(data, options), cancellationToken);
    }

    /// <summary>Import: <c>POST /v2/images/{id}/import</c>.</summary>
    public static Task ImportAsync(IGlanceV2Api api, string imageId, ImageImport import, CancellationToken cancellationToken) =>
        api.ImportImageAsync(imageId, V2ImageMapper.ToImport(import), null, cancellationToken);

    /// <summary>Share: <c>POST /v2/images/{id}/members</c>.</summary>
    public static async Task<ImageMember> AddMemberAsync(IGlanceV2Api api, string imageId, string memberId, CancellationToken cancellationToken) =>
        V2ImageMapper.ToMember(await api.AddMemberAsync(imageId, new GlanceMemberCreate(memberId), cancellationToken).ConfigureAwait(false));

    /// <summary>Members: <c>GET /v2/images/{id}/members</c>.</summary>
    public static async Task<IReadOnlyList<ImageMember>> ListMembersAsync(IGlanceV2Api api, string imageId, CancellationToken cancellationToken) =>
        [.. (await api.ListMembersAsync(imageId, cancellationToken).ConfigureAwait(false)).Members.Select(V2ImageMapper.ToMember)];

    /// <summary>Accept/reject: <c>PUT /v2/images/{id}/members/{member}</c>.</summary>
    public static async Task<ImageMember> SetMemberStatusAsync(IGlanceV2Api api, string imageId, string memberId, MemberStatus status, CancellationToken cancellationToken) =>
        V2ImageMapper.ToMember(await api.UpdateMemberStatusAsync(imageId, memberId, new GlanceMemberStatusUpdate(GlanceText.Format(status)), cancellationToken).ConfigureAwait(false));

    /// <summary>Download to a file: the image (with its locations), then a direct-store copy or HTTP with resume.</summary>
    public static async Task<DownloadResult> DownloadToFileAsync(GlanceTransport transport, string imageId, string destinationPath, DownloadOptions? options,
        IReadOnlyDictionary<string, Func<IDirectStoreAdapter>> adapters, CancellationToken cancellationToken)
    {
        var image = await transport.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.Download, imageId, true, (api, ct) => ShowAsync(api, imageId, ct), cancellationToken).ConfigureAwait(false);
        var source = HttpImageDataSource.ForV2(imageId, _ => transport.NextApi<IGlanceV2Api>());
        return await ImageDownloads.Downloader(transport, adapters).DownloadToFileAsync(image, source, destinationPath, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Download into a stream over HTTP, verified as it goes.</summary>
    public static async Task<DownloadResult> DownloadAsync(GlanceTransport transport, string imageId, Stream destination, DownloadOptions? options,
        IReadOnlyDictionary<string, Func<IDirectStoreAdapter>> adapters, CancellationToken cancellationToken)
    {
        var image = await transport.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.Download, imageId, true, (api, ct) => ShowAsync(api, imageId, ct), cancellationToken).ConfigureAwait(false);
        var source = HttpImageDataSource.ForV2(imageId, _ => transport.NextApi<IGlanceV2Api>());
        return await ImageDownloads.Downloader(transport, adapters).DownloadAsync(image, source, destination, options, cancellationToken).ConfigureAwait(false);
    }
}
