using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Runtime.CompilerServices;
using NovaImage.Signatures;
using NovaImage.Transfers;
using Refit;

namespace NovaImage.V2;

/// <summary>
/// Glance API v2's implementation of each <see cref="IImageApi"/> operation: one method per member, with the
/// member's parameters after the client's core. The generated clients call these when the client uses API v2;
/// each sends its requests through the core once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class V2ImageOperations
{
    /// <summary>Show: <c>GET /v2/images/{id}</c>.</summary>
    public static Task<Image> GetImageAsync(GlanceClientCore core, string imageId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.Show, imageId, (api, ct) => ShowAsync(api, imageId, ct), cancellationToken);

    /// <summary>
    /// List: the first page from the query, then each <c>next</c> link, each page retried on its own. A link is
    /// resolved against the endpoint in use and refused when it names another origin
    /// (<see cref="GlanceV2Client.ResolveLink"/>); a link this listing already followed is refused too, since the
    /// server would only send the same pages again, forever. Once the caller reads past a page's first image, the next
    /// page is requested while the rest of this one is yielded.
    /// </summary>
    public static async IAsyncEnumerable<Image> ListImagesAsync(GlanceClientCore core, ImageQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = V2QueryTranslator.Translate(query ?? new ImageQuery());
        var total = new ListingLimit(query);
        var call = new GlanceCall(ImageOperation.List);
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var page = await core.ExecuteAsync(call, true,
            (attempt, ct) => StreamedListingPage.ReadAsync(attempt, total.Remaining, (api, ct) => api.ListImagesAsync(filter.Limit, filter.Marker, filter.SortKeys, filter.SortDirs, null, filter.Name, filter.Id, filter.Status,
                filter.Visibility, filter.MemberStatus, filter.Owner, filter.Protected, filter.OsHidden, null, null, filter.ContainerFormat,
                filter.DiskFormat, filter.CreatedAt, filter.UpdatedAt, filter.SizeMin, filter.SizeMax, filter.Tags, filter.Properties, ct), ct),
            cancellationToken).ConfigureAwait(false);
        while (true)
        {
            Task<GlanceImageList>? nextPage = null;
            using var stopNextPage = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var handedOver = false;
            try
            {
                for (var i = 0; i < page.Images.Count; i++)
                {
                    // The caller came back for a second image: it reads on, so the next page is asked for now and the
                    // server prepares it while this one is yielded (a caller that stops at the first image costs no request).
                    if (i == 1) nextPage = NextPage(page, total.Remaining - (page.Images.Count - 1), stopNextPage.Token);
                    yield return V2ImageMapper.ToImage(page.Images[i]);
                    if (total.Yielded()) yield break;
                }

                nextPage ??= NextPage(page, total.Remaining, stopNextPage.Token);
                if (nextPage is null) yield break;
                handedOver = true;
                var next = page.Next!;
                page = await nextPage.ConfigureAwait(false);
                followed.Add(next);
            }
            finally
            {
                // The caller stopped early or a page failed: the page asked for ahead is not wanted; end it and observe it.
                if (nextPage is not null && !handedOver)
                {
                    await stopNextPage.CancelAsync().ConfigureAwait(false);
                    await ((Task)nextPage).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }

        // The page after `current`, when there is one and images are still wanted (null: the listing is over).
        Task<GlanceImageList>? NextPage(GlanceImageList current, int? wanted, CancellationToken pageCancellation)
        {
            if (string.IsNullOrEmpty(current.Next) || current.Images.Count == 0 || wanted <= 0) return null;
            var next = current.Next;
            return core.ExecuteAsync(call, true, (attempt, ct) =>
            {
                if (followed.Contains(next))
                {
                    throw new GlanceServerException(
                        $"Glance {call.Name}: the server's next link names a page this listing already read ({followed.Count} page(s) after the first); stopping instead of reading the same pages forever",
                        new GlanceErrorContext(Server: attempt.Server));
                }
                return StreamedListingPage.ReadAsync(attempt, wanted, (api, ct) => api.ListImagesNextPageAsync(GlanceV2Client.ResolveLink(attempt.Server, next), ct), ct);
            }, pageCancellation);
        }
    }

    /// <summary>Create: <c>POST /v2/images</c> (no data; v1's copy-from has no v2 form here).</summary>
    public static Task<Image> CreateImageAsync(GlanceClientCore core, ImageCreate image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
#pragma warning disable CS0618 // reading the v1-only field to refuse it clearly
        if (image.CopyFrom is not null)
#pragma warning restore CS0618
            throw new FeatureNotSupportedException(
                "Glance Create: copy-from is v1 only; create the image, then ImportAsync(id, ImageImport.WebDownload(uri))",
                new GlanceErrorContext(image.Id));
        if (image.ActivateEmpty) return CreateActiveEmptyAsync(core, image, cancellationToken);
        var body = V2ImageMapper.ToCreate(image);
        return core.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.Create, image.Id, async (api, ct) =>
        {
            using var response = await api.CreateImageAsync(body, ct).ConfigureAwait(false);
            await response.EnsureSuccessStatusCodeAsync().ConfigureAwait(false);
            return V2ImageMapper.ToImage(response.Content!);
        }, cancellationToken);
    }

    /// <summary>Add a location: <c>PATCH /v2/images/{id}</c> with <c>add /locations/-</c> (url and metadata).</summary>
    public static Task<Image> AddLocationAsync(GlanceClientCore core, string imageId, ImageLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var value = JsonSerializer.SerializeToElement(new GlanceImageLocation
        {
            Url = location.Url,
            Metadata = location.Metadata.ToDictionary(m => m.Key, m => GlanceExtraProperties.ToJson(m.Value), StringComparer.Ordinal),
        }, GlanceV2JsonContext.Default.GlanceImageLocation);
        GlancePatchOperation[] patch = [new() { Op = "add", Path = "/locations/-", Value = value }];
        return core.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.AddLocation, imageId,
            async (api, ct) => V2ImageMapper.ToImage(await api.AddLocationAsync(imageId, patch, ct).ConfigureAwait(false)), cancellationToken);
    }

    /// <summary>Remove a location: reads the image for the location's index, then <c>remove /locations/{index}</c>.</summary>
    public static Task<Image> RemoveLocationAsync(GlanceClientCore core, string imageId, string url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return core.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.RemoveLocation, imageId, async (api, ct) =>
        {
            var locations = (await api.GetImageAsync(imageId, ct).ConfigureAwait(false)).Locations?.ToList() ?? [];
            var index = locations.FindIndex(l => string.Equals(l.Url, url, StringComparison.Ordinal));
            if (index < 0)
                throw new InvalidImageRequestException($"Glance RemoveLocation: the image has no location {url} (it has {locations.Count})", new GlanceErrorContext(imageId));
            GlancePatchOperation[] patch = [new() { Op = "remove", Path = "/locations/" + index.ToString(CultureInfo.InvariantCulture) }];
            return V2ImageMapper.ToImage(await api.RemoveLocationAsync(imageId, patch, ct).ConfigureAwait(false));
        }, cancellationToken);
    }

    /// <summary>Update: reads the image, then sends one JSON Patch (replace/add/remove, purge as explicit removals).</summary>
    public static Task<Image> UpdateImageAsync(GlanceClientCore core, string imageId, ImageUpdate update, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.Update, imageId, async (api, ct) =>
        {
            var current = await ShowAsync(api, imageId, ct).ConfigureAwait(false);
            var patch = V2PatchBuilder.Build(update, current);
            if (patch.Count == 0) return current;
            return V2ImageMapper.ToImage(await api.UpdateImageAsync(imageId, [.. patch], ct).ConfigureAwait(false));
        }, cancellationToken);

    /// <summary>Delete: <c>DELETE /v2/images/{id}</c>.</summary>
    public static Task DeleteImageAsync(GlanceClientCore core, string imageId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api>(ImageOperation.Delete, imageId, (api, ct) => api.DeleteImageAsync(imageId, ct), cancellationToken);

    /// <summary>Upload: <c>PUT /v2/images/{id}/file</c>, streamed, with progress; <c>X-Image-Meta-Store</c> when a store is named.</summary>
    public static async Task UploadAsync(GlanceClientCore core, string imageId, Stream data, UploadOptions? options, CancellationToken cancellationToken)
    {
        if (options?.Store is not null) await core.RequireFeatureAsync(GlanceFeature.MultiStore, ImageOperation.Upload, imageId, cancellationToken).ConfigureAwait(false);
        await Uploads.SignBeforeUploadAsync(imageId, data, options, (update, ct) => UpdateImageAsync(core, imageId, update, ct), cancellationToken).ConfigureAwait(false);
        await Uploads.SendAsync<IGlanceV2Api>(core, ImageOperation.Upload, imageId, data, options,
            (api, body, ct) => api.UploadImageDataAsync(imageId, body, options?.Store, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upload from a file: as <see cref="UploadAsync"/>, the size taken from the file.</summary>
    public static Task UploadFileAsync(GlanceClientCore core, string imageId, string path, UploadOptions? options, CancellationToken cancellationToken) =>
        Uploads.FromFileAsync(imageId, path, options, (data, withSize) => UploadAsync(core, imageId, data, withSize, cancellationToken));

    /// <summary>Download to a file: the destination checked, the image (with its locations), then a direct-store copy or HTTP with resume.</summary>
    public static Task<DownloadResult> DownloadToFileAsync(GlanceClientCore core, string imageId, string destinationPath, DownloadOptions? options, CancellationToken cancellationToken) =>
        core.Downloader.DownloadToFileAsync(destinationPath, HttpImageSource.ForV2(imageId),
            ct => core.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.Download, imageId, (api, c) => ShowAsync(api, imageId, c), ct), options, cancellationToken);

    /// <summary>Download into a stream over HTTP, verified as it goes.</summary>
    public static Task<DownloadResult> DownloadAsync(GlanceClientCore core, string imageId, Stream destination, DownloadOptions? options, CancellationToken cancellationToken) =>
        core.Downloader.DownloadAsync(destination, HttpImageSource.ForV2(imageId),
            ct => core.ExecuteAsync<IGlanceV2Api, Image>(ImageOperation.Download, imageId, (api, c) => ShowAsync(api, imageId, c), ct), options, cancellationToken);

    /// <summary>Tag: <c>PUT /v2/images/{id}/tags/{tag}</c>.</summary>
    public static Task AddTagAsync(GlanceClientCore core, string imageId, string tag, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api>(ImageOperation.AddTag, imageId, (api, ct) => api.AddTagAsync(imageId, PathSegment.Require(tag, "tag", imageId), ct), cancellationToken);

    /// <summary>Untag: <c>DELETE /v2/images/{id}/tags/{tag}</c>.</summary>
    public static Task RemoveTagAsync(GlanceClientCore core, string imageId, string tag, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api>(ImageOperation.RemoveTag, imageId, (api, ct) => api.RemoveTagAsync(imageId, PathSegment.Require(tag, "tag", imageId), ct), cancellationToken);

    /// <summary>Share: <c>POST /v2/images/{id}/members</c>.</summary>
    public static Task<ImageMember> AddMemberAsync(GlanceClientCore core, string imageId, string memberId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api, ImageMember>(ImageOperation.AddMember, imageId,
            async (api, ct) => V2ImageMapper.ToMember(await api.AddMemberAsync(imageId, new GlanceMemberCreate(memberId), ct).ConfigureAwait(false)), cancellationToken);

    /// <summary>Unshare: <c>DELETE /v2/images/{id}/members/{member}</c>.</summary>
    public static Task RemoveMemberAsync(GlanceClientCore core, string imageId, string memberId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api>(ImageOperation.RemoveMember, imageId, (api, ct) => api.RemoveMemberAsync(imageId, PathSegment.Require(memberId, "member id", imageId), ct), cancellationToken);

    /// <summary>Members: <c>GET /v2/images/{id}/members</c>.</summary>
    public static Task<IReadOnlyList<ImageMember>> ListMembersAsync(GlanceClientCore core, string imageId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api, IReadOnlyList<ImageMember>>(ImageOperation.ListMembers, imageId,
            async (api, ct) => [.. (await api.ListMembersAsync(imageId, ct).ConfigureAwait(false)).Members.Select(V2ImageMapper.ToMember)], cancellationToken);

    /// <summary>Accept/reject: <c>PUT /v2/images/{id}/members/{member}</c>.</summary>
    public static Task<ImageMember> SetMemberStatusAsync(GlanceClientCore core, string imageId, string memberId, MemberStatus status, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api, ImageMember>(ImageOperation.SetMemberStatus, imageId,
            async (api, ct) => V2ImageMapper.ToMember(await api.UpdateMemberStatusAsync(imageId, PathSegment.Require(memberId, "member id", imageId), new GlanceMemberStatusUpdate(GlanceText.Format(status)), ct).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>Import: <c>POST /v2/images/{id}/import</c> (v2.6+; stores need multi-store, v2.8+).</summary>
    public static async Task ImportAsync(GlanceClientCore core, string imageId, ImageImport import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        await core.RequireFeatureAsync(GlanceFeature.Import, ImageOperation.Import, imageId, cancellationToken).ConfigureAwait(false);
        if (import.Stores.Count > 0 || import.AllStores == true)
            await core.RequireFeatureAsync(GlanceFeature.MultiStore, ImageOperation.Import, imageId, cancellationToken).ConfigureAwait(false);
        var body = V2ImageMapper.ToImport(import);
        await core.ExecuteAsync<IGlanceV2Api>(ImageOperation.Import, imageId, (api, ct) => api.ImportImageAsync(imageId, body, null, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stage: <c>PUT /v2/images/{id}/stage</c> for a later glance-direct import (v2.6+).</summary>
    public static async Task StageAsync(GlanceClientCore core, string imageId, Stream data, UploadOptions? options, CancellationToken cancellationToken)
    {
        await core.RequireFeatureAsync(GlanceFeature.Import, ImageOperation.Stage, imageId, cancellationToken).ConfigureAwait(false);
        if (options?.Store is not null)
            throw new InvalidImageRequestException("Glance Stage: staged data has no store; name the stores in the import instead", new GlanceErrorContext(imageId));
        // Signed staging hashes the bytes as they go up (each attempt afresh) and sets the properties once they are
        // staged, so Glance checks them at import.
        SigningStream? signed = null;
        await Uploads.SendAsync<IGlanceV2Api>(core, ImageOperation.Stage, imageId, data, options, (api, body, ct) =>
        {
            if (options?.Signing is { } signing)
            {
                signed?.Dispose();
                body = signed = new SigningStream(body, signing.CreateDigest());
            }
            return api.StageImageDataAsync(imageId, body, ct);
        }, cancellationToken).ConfigureAwait(false);
        if (signed is not null)
        {
            using (signed)
            {
                var signature = options!.Signing!.Sign(signed.Digest);
                await UpdateImageAsync(core, imageId, new ImageUpdate { SetProperties = signature.ToProperties() }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deactivate: <c>POST /v2/images/{id}/actions/deactivate</c> (admin).</summary>
    public static Task DeactivateAsync(GlanceClientCore core, string imageId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api>(ImageOperation.Deactivate, imageId, (api, ct) => api.DeactivateImageAsync(imageId, ct), cancellationToken);

    /// <summary>Reactivate: <c>POST /v2/images/{id}/actions/reactivate</c> (admin).</summary>
    public static Task ReactivateAsync(GlanceClientCore core, string imageId, CancellationToken cancellationToken) =>
        core.ExecuteAsync<IGlanceV2Api>(ImageOperation.Reactivate, imageId, (api, ct) => api.ReactivateImageAsync(imageId, ct), cancellationToken);

    /// <summary>Stores: <c>GET /v2/info/stores</c> (v2.8+, multi-store).</summary>
    public static async Task<IReadOnlyList<ImageStore>> ListStoresAsync(GlanceClientCore core, CancellationToken cancellationToken)
    {
        await core.RequireFeatureAsync(GlanceFeature.MultiStore, ImageOperation.ListStores, null, cancellationToken).ConfigureAwait(false);
        return await core.ExecuteAsync<IGlanceV2Api, IReadOnlyList<ImageStore>>(ImageOperation.ListStores, null,
            async (api, ct) => [.. (await api.GetStoresAsync(ct).ConfigureAwait(false)).Stores.Select(V2ImageMapper.ToStore)], cancellationToken).ConfigureAwait(false);
    }

    // Nova's force_activate (nova/image/glance.py _create_v2): v2 has no "size 0 means active", so create the record
    // and upload empty data; each step is its own call, each retried alone.
    private static async Task<Image> CreateActiveEmptyAsync(GlanceClientCore core, ImageCreate image, CancellationToken cancellationToken)
    {
        var created = await CreateImageAsync(core, image with
        {
            ActivateEmpty = false,
            DiskFormat = image.DiskFormat ?? "qcow2",
            ContainerFormat = image.ContainerFormat ?? "bare",
        }, cancellationToken).ConfigureAwait(false);
        await UploadAsync(core, created.Id, new MemoryStream([], writable: false), null, cancellationToken).ConfigureAwait(false);
        return await GetImageAsync(core, created.Id, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Image> ShowAsync(IGlanceV2Api api, string imageId, CancellationToken cancellationToken) =>
        V2ImageMapper.ToImage(await api.GetImageAsync(imageId, cancellationToken).ConfigureAwait(false));
}
