using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace NovaImage.TestSupport.V1Server;

/// <summary>The image routes of v1 (reference §4–§8): list, create, HEAD, GET data, update, delete.</summary>
internal sealed class V1ImageHandlers(V1ServerState state, V1ServerFaults faults, HttpClient external)
{
    private static readonly HashSet<string> DiskFormats = ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"];
    private static readonly HashSet<string> ContainerFormats = ["ami", "ari", "aki", "bare", "ovf", "ova", "docker"];
    private static readonly HashSet<string> SortKeys = ["name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at"];
    private static readonly HashSet<string> KnownUnconfiguredSchemes = ["swift", "swift+http", "swift+https", "rbd", "sheepdog", "cinder", "vsphere"];

    private V1ServerOptions Options => state.Options;

    // ---- §4 lists -------------------------------------------------------------------------------------------

    public Task ListAsync(HttpContext context, V1Caller caller, bool detail)
    {
        var q = context.Request.Query;
        string? Param(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        long? NonNegative(string name)
        {
            if (Param(name) is not { } text) return null;
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new V1HttpError(400, $"Invalid value for {name}: must be a non-negative integer");
        }
        bool? Flag(string name, bool allowNone = false)
        {
            if (Param(name) is not { } text) return null;
            return text.ToLowerInvariant() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                "none" when allowNone => null,
                _ => throw new V1HttpError(400, $"Invalid value for {name}: {text}"),
            };
        }

        var sizeMin = NonNegative("size_min");
        var sizeMax = NonNegative("size_max");
        var minRam = NonNegative("min_ram");
        var minDisk = NonNegative("min_disk");
        var isProtected = Flag("protected");
        var isPublicText = Param("is_public")?.ToLowerInvariant();
        var isPublic = Flag("is_public", allowNone: true);
        var deleted = caller.IsAdmin ? Flag("deleted") : null;
        DateTime? changesSince = null;
        if (Param("changes-since") is { } since)
        {
            changesSince = DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? t.UtcDateTime
                : throw new V1HttpError(400, $"Invalid changes-since value: {since}");
        }
        var sortKey = Param("sort_key") ?? "created_at";
        if (!SortKeys.Contains(sortKey)) throw new V1HttpError(400, $"Unsupported sort_key. Acceptable values: {string.Join(", ", SortKeys)}");
        var sortDir = Param("sort_dir") ?? "desc";
        if (sortDir is not ("asc" or "desc")) throw new V1HttpError(400, "Unsupported sort_dir. Acceptable values: asc, desc");
        var limit = NonNegative("limit") is { } requested ? (int)Math.Min(requested, Options.ApiLimitMax) : Options.LimitParamDefault;
        var marker = Param("marker");
        if (marker is not null && !Guid.TryParse(marker, out _)) throw new V1HttpError(400, "Invalid marker format");
        var properties = q.Where(p => p.Key.StartsWith("property-", StringComparison.Ordinal))
            .Select(p => (Key: p.Key["property-".Length..], Value: p.Value.ToString())).ToList();

        lock (state.Gate)
        {
            bool Visible(V1ServerImage image)
            {
                if (!caller.IsAdmin || isPublicText is null || isPublic == true) return V1ServerState.IsVisible(image, caller with { Roles = [] });
                return isPublic is null || !image.IsPublic; // is_public=none: everything; false: every non-public image
            }
            bool Matches(V1ServerImage image) =>
                Visible(image)
                && (changesSince is { } t
                    ? image.UpdatedAt > t
                    : deleted is { } d ? image.Deleted == d && (d || image.Status != "killed") : !image.Deleted && image.Status != "killed")
                && (Param("name") is not { } name || image.Name == name)
                && (Param("status") is not { } status || image.Status == status)
                && (Param("container_format") is not { } cf || image.ContainerFormat == cf)
                && (Param("disk_format") is not { } df || image.DiskFormat == df)
                && (sizeMin is not { } min || image.Size >= min)
                && (sizeMax is not { } max || image.Size <= max)
                && (minRam is not { } ram || image.MinRam == ram)
                && (minDisk is not { } disk || image.MinDisk == disk)
                && (isProtected is not { } p || image.Protected == p)
                && properties.All(f => image.Properties.TryGetValue(f.Key, out var v) && v == f.Value);

            var comparer = new V1ImageOrder(sortKey, sortDir == "desc");
            IEnumerable<V1ServerImage> matches = state.Images.Values.Where(Matches).Order(comparer);
            if (marker is not null)
            {
                if (!state.Images.TryGetValue(marker, out var markerImage) || !V1ServerState.IsVisible(markerImage, caller))
                    throw new V1HttpError(400, "Invalid marker. Image could not be found.");
                matches = matches.Where(image => comparer.Compare(image, markerImage) > 0);
            }
            var page = matches.Take(limit).ToList();

            return V1ServerJson.WriteAsync(context.Response, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("images");
                foreach (var image in page)
                    if (detail) V1ServerJson.WriteDetail(w, image); else V1ServerJson.WriteBrief(w, image);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
    }

    // ---- §5 create ------------------------------------------------------------------------------------------

    public async Task CreateAsync(HttpContext context, V1Caller caller)
    {
        var request = context.Request;
        var (core, properties) = V1MetaHeaders.Parse(request);
        var hasData = HasBody(request);
        var location = core.GetValueOrDefault("location");
        var copyFrom = request.Headers["x-glance-api-copy-from"].ToString() is { Length: > 0 } c ? c : null;
        if ((hasData ? 1 : 0) + (location is null ? 0 : 1) + (copyFrom is null ? 0 : 1) > 1)
            throw new V1HttpError(400, "Only one of image data, x-image-meta-location or x-glance-api-copy-from may be given");
        if (properties.Count > Options.ImagePropertyQuota)
            throw new V1HttpError(413, $"Attempted: {properties.Count}, Maximum: {Options.ImagePropertyQuota}");

        var now = V1ServerState.Now();
        var image = new V1ServerImage
        {
            Id = core.GetValueOrDefault("id") is { } id
                ? Guid.TryParse(id, out _) ? id : throw new V1HttpError(400, "id must be a UUID")
                : Guid.NewGuid().ToString(),
            CreatedAt = now,
            UpdatedAt = now,
            Owner = caller.ProjectId,
        };
        // Status is never taken from the client: _reserve sets it (active for size 0, else queued).
        ApplyFields(image, core, caller, creating: true);
        image.Properties = properties;
        if (image.IsPublic && !caller.IsAdmin) throw new V1HttpError(403, "You are not authorized to publicize images");
        var store = core.GetValueOrDefault("store");
        CheckStore(store);
        var declaredSize = core.ContainsKey("size") ? image.Size : (long?)null;
        if (declaredSize > Options.ImageSizeCap) throw new V1HttpError(400, $"Denying attempt to upload image larger than {Options.ImageSizeCap} bytes.");
        if ((hasData || copyFrom is not null) && (image.DiskFormat is null || image.ContainerFormat is null))
            throw new V1HttpError(400, "Disk format and container format are required to activate an image");
        Uri? external = location is not null ? CheckExternal(location) : copyFrom is not null ? CheckExternal(copyFrom) : null;
        long? probedSize = location is not null ? await ProbeSizeAsync(external!, context.RequestAborted) : null;

        lock (state.Gate)
        {
            if (state.Images.ContainsKey(image.Id)) throw new V1HttpError(409, $"An image with identifier {image.Id} already exists");
            if (probedSize is { } size)
            {
                if (declaredSize is { } declared && declared != size)
                    throw new V1HttpError(409, $"Provided image size must match the stored image size: {declared} != {size}");
                image.Size = size;
                image.Location = location;
                image.Status = "active";
            }
            else image.Status = declaredSize == 0 && !hasData && copyFrom is null ? "active" : "queued";
            state.Images.Add(image.Id, image);
        }

        if (hasData) await UploadAsync(request, image, declaredSize, context.RequestAborted);
        if (copyFrom is not null) StartCopy(image, external!);

        context.Response.Headers.Location = $"{request.Scheme}://{request.Host}/v1/images/{image.Id}";
        await WriteEnvelopeAsync(context.Response, 201, image);
    }

    // ---- §6 update ------------------------------------------------------------------------------------------

    public async Task UpdateAsync(HttpContext context, V1Caller caller, string id)
    {
        var request = context.Request;
        var (core, properties) = V1MetaHeaders.Parse(request);
        var hasData = HasBody(request);
        var copyFrom = request.Headers["x-glance-api-copy-from"].ToString() is { Length: > 0 } c ? c : null;
        var location = core.GetValueOrDefault("location");
        var purge = !hasData && (request.Headers.TryGetValue("x-glance-registry-purge-props", out var purgeHeader)
            ? V1MetaHeaders.ParseBool(purgeHeader.ToString())
            : true);
        V1ServerImage image;
        long? probedSize = null;
        Uri? external = null;
        lock (state.Gate)
        {
            image = state.Find(id, caller);
            CheckUpdate(image, core, caller, hasData, location ?? copyFrom);
        }
        if ((location ?? copyFrom) is { } source) external = CheckExternal(source);
        if (location is not null) probedSize = await ProbeSizeAsync(external!, context.RequestAborted);

        long? declaredSize;
        lock (state.Gate)
        {
            image = state.Find(id, caller);
            CheckUpdate(image, core, caller, hasData, location ?? copyFrom);
            var merged = purge ? properties : new Dictionary<string, string?>(image.Properties.Concat(properties)
                .GroupBy(p => p.Key).Select(g => g.Last()), StringComparer.Ordinal);
            if (merged.Count > Options.ImagePropertyQuota)
                throw new V1HttpError(413, $"Attempted: {merged.Count}, Maximum: {Options.ImagePropertyQuota}");
            var candidate = Clone(image);
            ApplyFields(candidate, core, caller, creating: false);
            if (candidate.IsPublic && !image.IsPublic && !caller.IsAdmin) throw new V1HttpError(403, "You are not authorized to publicize images");
            CheckStore(core.GetValueOrDefault("store"));
            if ((hasData || copyFrom is not null) && (candidate.DiskFormat is null || candidate.ContainerFormat is null))
                throw new V1HttpError(400, "Disk format and container format are required to activate an image");
            declaredSize = core.ContainsKey("size") ? candidate.Size : null;
            if (probedSize is { } size && declaredSize is { } declared && declared != size)
                throw new V1HttpError(409, $"Provided image size must match the stored image size: {declared} != {size}");

            CopyFields(candidate, image);
            image.Properties = merged;
            image.UpdatedAt = V1ServerState.Now();
            if (probedSize is { } probed)
            {
                image.Size = probed;
                image.Location = location;
                image.Status = "active";
            }
        }

        if (hasData) await UploadAsync(request, image, declaredSize, context.RequestAborted);
        if (copyFrom is not null) StartCopy(image, external!);
        await WriteEnvelopeAsync(context.Response, 200, image);
    }

    private static void CheckUpdate(V1ServerImage image, Dictionary<string, string?> core, V1Caller caller, bool hasData, string? externalSource)
    {
        if (image.Deleted) throw new V1HttpError(403, "Forbidden to update deleted image.");
        if (!V1ServerState.IsMutable(image, caller)) throw new V1HttpError(403, "Forbidden to modify an image you do not own.");
        if (core.GetValueOrDefault("id") is { } newId && !newId.Equals(image.Id, StringComparison.OrdinalIgnoreCase))
            throw new V1HttpError(403, "Forbidden to modify the id of an image.");
        if (core.GetValueOrDefault("status") is { } newStatus && newStatus != image.Status)
            throw new V1HttpError(403, "Forbidden to modify status of image.");
        if (!caller.IsAdmin && image.Status is "active" or "deactivated")
        {
            if (core.GetValueOrDefault("size") is { } size && size != image.Size.ToString(CultureInfo.InvariantCulture))
                throw new V1HttpError(403, "Forbidden to modify size of active image.");
            if (core.GetValueOrDefault("checksum") is { } checksum && checksum != image.Checksum)
                throw new V1HttpError(403, "Forbidden to modify checksum of active image.");
        }
        if (hasData && image.Status != "queued") throw new V1HttpError(409, "Cannot upload to an unqueued image");
        if (externalSource is not null && image.Status != "queued")
            throw new V1HttpError(400, "Attempted to update Location field for an image not in queued status.");
    }

    // ---- §7 read --------------------------------------------------------------------------------------------

    public Task HeadAsync(HttpContext context, V1Caller caller, string id)
    {
        lock (state.Gate)
        {
            V1MetaHeaders.Write(context.Response, state.Find(id, caller));
        }
        context.Response.StatusCode = 200;
        return Task.CompletedTask;
    }

    public async Task DownloadAsync(HttpContext context, V1Caller caller, string id)
    {
        V1ServerImage image;
        byte[]? data;
        string? location;
        long size;
        lock (state.Gate)
        {
            image = state.Find(id, caller);
            if (image.Status == "deactivated") throw new V1HttpError(403, "The requested image has been deactivated. Image data download is forbidden.");
            if (image.Status != "active" || image.Deleted) throw new V1HttpError(404, $"Image {id} is not active");
            V1MetaHeaders.Write(context.Response, image);
            (data, location, size) = (image.Data, image.Location, image.Size);
        }
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength = size;
        var truncateAfter = faults.TruncateDownloadsAfter;
        Stream source = data is not null ? new MemoryStream(data, writable: false)
            : location is not null ? await external.GetStreamAsync(location, context.RequestAborted)
            : Stream.Null;
        await using (source)
        {
            var buffer = new byte[64 * 1024];
            long sent = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                if (truncateAfter is { } limit && sent + read > limit)
                {
                    await response.Body.WriteAsync(buffer.AsMemory(0, (int)(limit - sent)), context.RequestAborted);
                    // The store delivered fewer bytes than the size: the stream ends short of its Content-Length.
                    // Returning (not HttpContext.Abort, which may drop bytes still queued, even the headers) lets
                    // Kestrel send everything written and then close the connection, as it does for a response
                    // shorter than its Content-Length.
                    return;
                }
                await response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                sent += read;
            }
        }
    }

    // ---- §8 delete ------------------------------------------------------------------------------------------

    public Task DeleteAsync(HttpContext context, V1Caller caller, string id)
    {
        lock (state.Gate)
        {
            var image = state.Find(id, caller);
            if (image.Deleted) throw new V1HttpError(404, $"Image {id} not found");
            if (!V1ServerState.IsMutable(image, caller)) throw new V1HttpError(403, "Forbidden to delete an image you do not own.");
            if (image.Protected) throw new V1HttpError(403, "Image is protected");
            if (image.Status == "pending_delete") throw new V1HttpError(403, $"Forbidden to delete a pending_delete image.");
            var now = V1ServerState.Now();
            image.Status = "deleted";
            image.Deleted = true;
            image.DeletedAt = now;
            image.UpdatedAt = now;
            image.Data = null;
        }
        context.Response.StatusCode = 200;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the body (§5.2): octet-stream only, size cap, declared size and checksum must match; failures kill the image.</summary>
    private async Task UploadAsync(HttpRequest request, V1ServerImage image, long? declaredSize, CancellationToken cancellationToken)
    {
        lock (state.Gate) image.Status = "saving";
        try
        {
            if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/octet-stream", StringComparison.OrdinalIgnoreCase))
                throw new V1HttpError(400, $"Content-Type must be application/octet-stream");
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            using var data = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            try
            {
                while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (data.Length + read > Options.ImageSizeCap)
                        throw new V1HttpError(413, $"Image exceeds the storage quota: {Options.ImageSizeCap}");
                    md5.AppendData(buffer, 0, read);
                    data.Write(buffer, 0, read);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
            {
                throw new V1HttpError(400, "Client disconnected before sending all data to backend");
            }
            if (declaredSize is { } declared && declared != data.Length)
                throw new V1HttpError(400, $"Supplied x-image-meta-size {declared} does not match the size of the uploaded data {data.Length}");
            var checksum = Convert.ToHexStringLower(md5.GetHashAndReset());
            lock (state.Gate)
            {
                if (image.Checksum is { } expected && !expected.Equals(checksum, StringComparison.OrdinalIgnoreCase))
                    throw new V1HttpError(400, $"Supplied checksum ({expected}) and checksum generated from uploaded image ({checksum}) did not match");
                if (image.Deleted) throw new V1HttpError(412, "Image was deleted during the upload");
                image.Data = data.ToArray();
                image.Size = data.Length;
                image.Checksum = checksum;
                image.Status = "active";
                image.UpdatedAt = V1ServerState.Now();
            }
        }
        catch (V1HttpError)
        {
            lock (state.Gate)
                if (!image.Deleted) image.Status = "killed";
            throw;
        }
    }

    /// <summary>Copy-from (§5.4): answers at once with a queued image; the copy ends active or killed.</summary>
    private void StartCopy(V1ServerImage image, Uri source) => _ = Task.Run(async () =>
    {
        try
        {
            var bytes = await external.GetByteArrayAsync(source);
            lock (state.Gate)
            {
                if (image.Deleted) return;
                image.Data = bytes;
                image.Size = bytes.Length;
                image.Checksum = Convert.ToHexStringLower(MD5.HashData(bytes));
                image.Status = "active";
                image.UpdatedAt = V1ServerState.Now();
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            lock (state.Gate)
                if (!image.Deleted) { image.Status = "killed"; image.UpdatedAt = V1ServerState.Now(); }
        }
    });

    /// <summary>Location and copy-from URLs (§5.3): a configured store scheme (here http/https), never file/filesystem/swift+config.</summary>
    private static Uri CheckExternal(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw new V1HttpError(400, $"Invalid location {text}");
        var scheme = uri.Scheme.ToLowerInvariant();
        if (scheme is "file" or "filesystem" or "swift+config")
            throw new V1HttpError(400, $"External sources are not supported: '{text}'");
        if (scheme is not ("http" or "https"))
            throw new V1HttpError(400, KnownUnconfiguredSchemes.Contains(scheme) ? $"Store for scheme {scheme} not found" : $"Unknown scheme '{scheme}' found in URI");
        return uri;
    }

    private async Task<long> ProbeSizeAsync(Uri location, CancellationToken cancellationToken)
    {
        try
        {
            using var probe = await external.SendAsync(new HttpRequestMessage(HttpMethod.Head, location), cancellationToken);
            if (!probe.IsSuccessStatusCode) throw new V1HttpError(404, $"Image data not found at {location}");
            return probe.Content.Headers.ContentLength ?? 0;
        }
        catch (HttpRequestException)
        {
            throw new V1HttpError(404, $"Image data not found at {location}");
        }
    }

    private static void CheckStore(string? store)
    {
        switch (store)
        {
            case null or "file": return;
            case "http" or "https": throw new V1HttpError(410, $"Store {store} does not accept image data (store add disabled)");
            default: throw new V1HttpError(400, $"Requested store {store} not available on this Glance server");
        }
    }

    /// <summary>Validates and applies the request's core fields (§3) to <paramref name="image"/>.</summary>
    private static void ApplyFields(V1ServerImage image, Dictionary<string, string?> core, V1Caller caller, bool creating)
    {
        bool Has(string field, out string? value) => core.TryGetValue(field, out value);
        static long NonNegative(string field, string value) =>
            long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new V1HttpError(400, $"Invalid value for {field}: {value}");

        if (Has("name", out var name))
        {
            if (name?.Length > 255) throw new V1HttpError(400, "Image name too long: 256 characters or more");
            image.Name = name;
        }
        if (Has("size", out var size) && size is not null) image.Size = NonNegative("size", size);
        if (Has("virtual_size", out var virtualSize))
            image.VirtualSize = virtualSize is null or "None" ? null : NonNegative("virtual_size", virtualSize);
        if (Has("min_disk", out var minDisk) && minDisk is not null) image.MinDisk = (int)Math.Min(int.MaxValue, NonNegative("min_disk", minDisk));
        if (Has("min_ram", out var minRam) && minRam is not null) image.MinRam = (int)Math.Min(int.MaxValue, NonNegative("min_ram", minRam));
        if (Has("disk_format", out var diskFormat))
        {
            if (diskFormat is not null && !DiskFormats.Contains(diskFormat)) throw new V1HttpError(400, $"Invalid disk format '{diskFormat}' for image.");
            image.DiskFormat = diskFormat;
        }
        if (Has("container_format", out var containerFormat))
        {
            if (containerFormat is not null && !ContainerFormats.Contains(containerFormat)) throw new V1HttpError(400, $"Invalid container format '{containerFormat}' for image.");
            image.ContainerFormat = containerFormat;
        }
        // aki/ari/ami: both formats must match; the missing one is copied from the other.
        if (image.DiskFormat is "aki" or "ari" or "ami" || image.ContainerFormat is "aki" or "ari" or "ami")
        {
            image.DiskFormat ??= image.ContainerFormat;
            image.ContainerFormat ??= image.DiskFormat;
            if (image.DiskFormat != image.ContainerFormat)
                throw new V1HttpError(400, "Invalid mix of disk and container formats. When setting a disk or container format to one of 'aki', 'ari', or 'ami', the container and disk formats must match.");
        }
        if (Has("is_public", out var isPublic)) image.IsPublic = V1MetaHeaders.ParseBool(isPublic);
        if (Has("protected", out var isProtected)) image.Protected = V1MetaHeaders.ParseBool(isProtected);
        if (Has("checksum", out var checksum))
        {
            if (checksum?.Length > 32) throw new V1HttpError(400, "Invalid checksum: more than 32 characters");
            image.Checksum = checksum;
        }
        if (Has("owner", out var owner) && caller.IsAdmin) image.Owner = owner; // others' owner is silently ignored
        foreach (var field in new[] { "created_at", "updated_at", "deleted_at" })
        {
            if (!Has(field, out var text) || text is null) continue;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) || time.Year < 1900)
                throw new V1HttpError(400, $"Invalid value for {field}: {text}");
            if (!creating) continue; // accepted on create (!), ignored on update
            var utc = time.UtcDateTime;
            if (field == "created_at") image.CreatedAt = utc;
            else if (field == "updated_at") image.UpdatedAt = utc;
            else image.DeletedAt = utc;
        }
    }

    private async Task WriteEnvelopeAsync(HttpResponse response, int status, V1ServerImage image)
    {
        lock (state.Gate) V1MetaHeaders.WriteETag(response, image);
        await V1ServerJson.WriteAsync(response, status, w =>
        {
            lock (state.Gate)
            {
                w.WriteStartObject();
                w.WritePropertyName("image");
                V1ServerJson.WriteDetail(w, image);
                w.WriteEndObject();
            }
        });
    }

    private static V1ServerImage Clone(V1ServerImage image)
    {
        var copy = new V1ServerImage { Id = image.Id };
        CopyFields(image, copy);
        return copy;
    }

    private static void CopyFields(V1ServerImage from, V1ServerImage to)
    {
        to.Name = from.Name; to.Status = from.Status; to.Size = from.Size; to.VirtualSize = from.VirtualSize;
        to.DiskFormat = from.DiskFormat; to.ContainerFormat = from.ContainerFormat; to.MinDisk = from.MinDisk; to.MinRam = from.MinRam;
        to.IsPublic = from.IsPublic; to.Protected = from.Protected; to.Checksum = from.Checksum; to.Owner = from.Owner;
        to.CreatedAt = from.CreatedAt; to.UpdatedAt = from.UpdatedAt; to.DeletedAt = from.DeletedAt; to.Deleted = from.Deleted;
    }
}
