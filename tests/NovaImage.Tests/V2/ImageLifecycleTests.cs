using System.Net;
using NovaImage.TestSupport;
using NovaImage.V2;
using Refit;

namespace NovaImage.Tests.V2;

/// <summary>Create, show, upload, download (full and ranged), update and delete against the real Glance.</summary>
public sealed class ImageLifecycleTests : GlanceV2TestBase
{
    [Fact]
    public async Task Create_returns_201_with_location_import_methods_and_store_ids()
    {
        var name = Unique("create");
        using var response = await Owner.CreateImageAsync(new GlanceImageCreate
        {
            Name = name,
            DiskFormat = "qcow2",
            ContainerFormat = "bare",
            Visibility = "private",
            MinRam = 256,
            Tags = ["alpha", "beta"],
            ExtraProperties = GlanceExtraProperties.FromStrings([new("hw_disk_bus", "scsi"), new("os_distro", "cirros")]),
        });
        await response.EnsureSuccessStatusCodeAsync();
        var image = response.Content!;
        Track(image.Id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{GlanceServer.Endpoint.AbsoluteUri.TrimEnd('/')}/v2/images/{image.Id}", response.Headers!.Location?.AbsoluteUri);
        Assert.Equal(["copy-image", "glance-direct", "glance-download", "web-download"], HeaderList(response.Headers!, "OpenStack-image-import-methods").Order());
        // Zed also lists its reserved os_glance_* stores here (not in /v2/info/stores)
        Assert.Superset(new HashSet<string> { "fs1", "fs2" }, HeaderList(response.Headers!, "OpenStack-image-store-ids").ToHashSet());
        Assert.False(string.IsNullOrEmpty(HeaderList(response.Headers!, GlanceApiError.RequestIdHeader).Single()));

        Assert.Equal("queued", image.Status);
        Assert.Equal(name, image.Name);
        Assert.Equal("private", image.Visibility);
        Assert.Equal(GlanceIdentity.ProjectA.ProjectId, image.Owner);
        Assert.Equal(256, image.MinRam);
        Assert.Equal(["alpha", "beta"], image.Tags.Order());
        Assert.Null(image.Size);
        Assert.Equal($"/v2/images/{image.Id}", image.Self);
        Assert.Equal($"/v2/images/{image.Id}/file", image.File);
        Assert.Equal("/v2/schemas/image", image.Schema);
        var extras = GlanceExtraProperties.ToStrings(image.ExtraProperties);
        Assert.Equal("scsi", extras["hw_disk_bus"]);
        Assert.Equal("cirros", extras["os_distro"]);
    }

    [Fact]
    public async Task Upload_then_show_reports_size_hashes_stores_and_location_metadata()
    {
        var data = RandomBytes(300_000);
        var image = await CreateRawImageAsync("upload");

        // a non-seekable stream goes out chunked, never buffered
        await Owner.UploadImageDataAsync(image.Id, new NonSeekableStream(data));
        var shown = await Owner.GetImageAsync(image.Id);

        Assert.Equal("active", shown.Status);
        Assert.Equal(data.Length, shown.Size);
        Assert.Equal(Md5Hex(data), shown.Checksum);
        Assert.Equal("sha512", shown.OsHashAlgo);
        Assert.Equal(Sha512Hex(data), shown.OsHashValue);
        Assert.Equal("fs1", shown.Stores);
        var fs1Dir = Path.Combine(GlanceServer.StateDir, "images", "fs1");
        Assert.Equal($"file://{fs1Dir}/{image.Id}", shown.DirectUrl);
        var location = Assert.Single(shown.Locations!);
        Assert.Equal(shown.DirectUrl, location.Url);
        Assert.Equal(StoreMetadataId("fs1"), location.Metadata["id"].GetString());
        Assert.Equal(fs1Dir, location.Metadata["mountpoint"].GetString());
        Assert.Equal("fs1", location.Metadata["store"].GetString());
    }

    [Fact]
    public async Task Upload_and_stage_stream_the_caller_s_stream_without_buffering()
    {
        var image = await CreateRawImageAsync("streamed");
        var staged = await CreateRawImageAsync("streamed-stage");
        var recorder = new RecordingHandler { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(recorder) { BaseAddress = GlanceServer.Endpoint };
        http.DefaultRequestHeaders.Add("X-Auth-Token", GlanceIdentity.ProjectA.Token);
        var api = GlanceV2Client.Create(http);

        await api.UploadImageDataAsync(image.Id, new NonSeekableStream(RandomBytes(70_000)));
        await api.StageImageDataAsync(staged.Id, new NonSeekableStream(RandomBytes(70_000)));

        // a StreamContent of unknown length goes out chunked, as read: nothing is loaded into memory first
        Assert.Equal(
            [(nameof(StreamContent), (long?)null, "application/octet-stream"), (nameof(StreamContent), null, "application/octet-stream")],
            recorder.Requests);
        Assert.Equal(70_000, (await Owner.GetImageAsync(image.Id)).Size);
    }

    [Fact]
    public async Task Upload_to_a_named_store_with_X_Image_Meta_Store()
    {
        var image = await CreateRawImageAsync("upload-fs2");
        await Owner.UploadImageDataAsync(image.Id, new MemoryStream(RandomBytes(1000)), store: "fs2");

        var shown = await Owner.GetImageAsync(image.Id);
        Assert.Equal("fs2", shown.Stores);
        Assert.Equal(StoreMetadataId("fs2"), Assert.Single(shown.Locations!).Metadata["id"].GetString());
    }

    [Fact]
    public async Task Download_streams_the_bytes_with_Content_MD5()
    {
        var data = RandomBytes(200_000);
        var image = await CreateActiveImageAsync("download", data);

        using var response = await Owner.DownloadImageDataAsync(image.Id);
        await response.EnsureSuccessStatusCodeAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.ContentHeaders!.ContentType?.MediaType);
        Assert.Equal(data.Length, response.ContentHeaders.ContentLength);
        Assert.Equal(Md5Hex(data), HeaderList(response.ContentHeaders, "Content-MD5").Single());
        Assert.NotEmpty(HeaderList(response.Headers!, GlanceApiError.RequestIdHeader));

        var received = new MemoryStream();
        await response.Content!.CopyToAsync(received);
        Assert.Equal(data, received.ToArray());
    }

    [Fact]
    public async Task Ranged_download_returns_206_with_Content_Range()
    {
        var data = RandomBytes(10_000);
        var image = await CreateActiveImageAsync("range", data);

        using var response = await Owner.DownloadImageDataAsync(image.Id, "bytes=100-199");
        await response.EnsureSuccessStatusCodeAsync();
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 100-199/10000", response.ContentHeaders!.ContentRange?.ToString());
        var received = new MemoryStream();
        await response.Content!.CopyToAsync(received);
        Assert.Equal(data[100..200], received.ToArray());

        using var tail = await Owner.DownloadImageDataAsync(image.Id, "bytes=9990-");
        await tail.EnsureSuccessStatusCodeAsync();
        var tailBytes = new MemoryStream();
        await tail.Content!.CopyToAsync(tailBytes);
        Assert.Equal(data[9990..], tailBytes.ToArray());
    }

    [Fact]
    public async Task Download_of_an_image_without_data_is_204_and_empty()
    {
        var image = await CreateRawImageAsync("nodata");

        using var response = await Owner.DownloadImageDataAsync(image.Id);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var received = new MemoryStream();
        await response.Content!.CopyToAsync(received);
        Assert.Empty(received.ToArray());
    }

    [Fact]
    public async Task Update_applies_a_json_patch_and_extra_properties_round_trip()
    {
        var image = await CreateImageAsync(Owner, new GlanceImageCreate
        {
            Name = Unique("patch"),
            DiskFormat = "raw",
            ContainerFormat = "bare",
            Visibility = "private",
            ExtraProperties = GlanceExtraProperties.FromStrings([new("keep_me", "as is"), new("drop_me", "x"), new("odd/key~", "ü ✓")]),
        });

        var updated = await Owner.UpdateImageAsync(image.Id,
        [
            GlancePatchOperation.Replace("name", Unique("patched")),
            GlancePatchOperation.Add("min_ram", Json(512, GlanceV2JsonContext.Default.Int32)),
            GlancePatchOperation.Replace("protected", Json(true, GlanceV2JsonContext.Default.Boolean)),
            GlancePatchOperation.Add("hw_disk_bus", "virtio"),
            GlancePatchOperation.Remove("drop_me"),
        ]);

        Assert.Equal(Unique("patched"), updated.Name);
        Assert.Equal(512, updated.MinRam);
        Assert.True(updated.Protected);
        var extras = GlanceExtraProperties.ToStrings(updated.ExtraProperties);
        Assert.Equal("virtio", extras["hw_disk_bus"]);
        Assert.Equal("as is", extras["keep_me"]);
        Assert.Equal("ü ✓", extras["odd/key~"]);
        Assert.False(extras.ContainsKey("drop_me"));

        // the record read back is what the server stores
        Assert.Equal(updated.ExtraProperties!.Keys.Order(), (await Owner.GetImageAsync(image.Id)).ExtraProperties!.Keys.Order());
    }

    [Fact]
    public async Task Delete_returns_204_then_the_image_is_gone()
    {
        var image = await CreateRawImageAsync("delete");

        await Owner.DeleteImageAsync(image.Id);

        var error = await ExpectErrorAsync(HttpStatusCode.NotFound, () => Owner.GetImageAsync(image.Id));
        Assert.Equal("404 Not Found", error.Body?.Code);
        Assert.Contains(image.Id, error.Message);
    }

    [Fact]
    public async Task Deactivate_blocks_download_for_non_admins_until_reactivated()
    {
        var data = RandomBytes(1000);
        var image = await CreateActiveImageAsync("deactivate", data);

        await Admin.DeactivateImageAsync(image.Id);
        Assert.Equal("deactivated", (await Owner.GetImageAsync(image.Id)).Status);
        using (var refused = await Owner.DownloadImageDataAsync(image.Id))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await Admin.ReactivateImageAsync(image.Id);
        Assert.Equal("active", (await Owner.GetImageAsync(image.Id)).Status);
        using var allowed = await Owner.DownloadImageDataAsync(image.Id);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private string StoreMetadataId(string store)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(GlanceServer.StateDir, "etc", $"{store}-metadata.json")));
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private static string[] HeaderList(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray()
            : [];

    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<(string? Content, long? Length, string? MediaType)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add((request.Content?.GetType().Name, request.Content?.Headers.ContentLength, request.Content?.Headers.ContentType?.MediaType));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
