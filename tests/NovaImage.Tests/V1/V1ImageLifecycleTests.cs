using System.Net;
using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>Create (every mode), show (HEAD), download (GET), delete against the v1 server (reference §5, §7, §8).</summary>
public sealed class V1ImageLifecycleTests : V1ServerTestBase
{
    [Fact]
    public async Task Create_with_data_stores_the_bytes_and_HEAD_and_GET_return_them_with_md5_checksum_and_ETag()
    {
        var data = Bytes(200_000);
        var created = await CreateWithDataAsync(A, data, new V1ImageMetadata
        {
            Name = "cirros", DiskFormat = "qcow2", ContainerFormat = "bare", MinRam = 64,
            Properties = new Dictionary<string, string?> { ["os_distro"] = "cirros" },
        });
        Assert.Equal("active", created.Status);
        Assert.Equal(data.Length, created.Size);
        Assert.Equal(Md5(data), created.Checksum);
        Assert.Equal(GlanceIdentity.ProjectA.ProjectId, created.Owner);

        var shown = await HeadAsync(A, created.Id!);
        Assert.Equal(created with { Location = null }, shown);
        Assert.Equal("cirros", shown.Properties["os_distro"]);
        Assert.Null(shown.VirtualSize); // sent as "None"

        using var download = await A.DownloadImageAsync(created.Id!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(data.Length, download.Content.Headers.ContentLength);
        Assert.Equal(Md5(data), V1MetadataCodec.Decode(download).Checksum);
        Assert.Equal(Md5(data), download.Headers.NonValidated["ETag"].ToString());
        Assert.Equal(data, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Reserve_then_upload_with_PUT_activates_a_queued_image()
    {
        var reserved = await CreateAsync(A, new V1ImageMetadata { Name = "later", DiskFormat = "raw", ContainerFormat = "bare" });
        Assert.Equal("queued", reserved.Status);
        Assert.Equal(0, reserved.Size);

        var data = Bytes(70_000, seed: 2);
        using var uploaded = await A.UploadImageAsync(reserved.Id!, Headers(new V1ImageMetadata { Checksum = Md5(data) }), new MemoryStream(data));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal("active", uploaded.Content?.Image?.Status);
        Assert.Equal(Md5(data), uploaded.Headers!.NonValidated["ETag"].ToString());

        using var download = await A.DownloadImageAsync(reserved.Id!);
        Assert.Equal(data, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_with_a_wrong_checksum_is_refused_and_kills_the_image()
    {
        var reserved = await CreateAsync(A, new V1ImageMetadata { DiskFormat = "raw", ContainerFormat = "bare" });
        using var uploaded = await A.UploadImageAsync(reserved.Id!, Headers(new V1ImageMetadata { Checksum = new string('0', 32) }), new MemoryStream(Bytes(10)));
        Assert.Equal(HttpStatusCode.BadRequest, uploaded.StatusCode);
        Assert.Equal("killed", (await HeadAsync(A, reserved.Id!)).Status);
    }

    [Fact]
    public async Task Uploading_to_an_active_image_is_a_conflict()
    {
        var image = await CreateWithDataAsync(A, Bytes(10));
        using var uploaded = await A.UploadImageAsync(image.Id!, Headers(new V1ImageMetadata()), new MemoryStream(Bytes(10)));
        Assert.Equal(HttpStatusCode.Conflict, uploaded.StatusCode);
    }

    [Fact]
    public async Task Size_zero_on_create_makes_an_active_image_with_an_empty_body()
    {
        var created = await CreateAsync(A, new V1ImageMetadata { Name = "empty", Size = 0, DiskFormat = "raw", ContainerFormat = "bare" });
        Assert.Equal("active", created.Status);

        using var download = await A.DownloadImageAsync(created.Id!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Empty(await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Create_with_a_location_goes_active_with_the_probed_size_and_serves_the_external_data()
    {
        await using var source = await ExternalHttpSource.StartAsync();
        var data = Bytes(5000, seed: 3);
        var url = source.Publish("disk.raw", data);

        var created = await CreateAsync(A, new V1ImageMetadata { Location = url.ToString(), DiskFormat = "raw", ContainerFormat = "bare" });
        Assert.Equal("active", created.Status);
        Assert.Equal(data.Length, created.Size);
        Assert.Null(created.Location); // write-only: never returned

        using var head = await A.GetImageMetadataAsync(created.Id!);
        Assert.DoesNotContain(head.Headers, h => h.Key.Equals("x-image-meta-location", StringComparison.OrdinalIgnoreCase));
        using var download = await A.DownloadImageAsync(created.Id!);
        Assert.Equal(data, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Location_errors_follow_the_reference_missing_data_404_wrong_size_409_file_scheme_400()
    {
        await using var source = await ExternalHttpSource.StartAsync();
        var url = source.Publish("five", Bytes(5));

        using var missing = await A.CreateImageAsync(Headers(new V1ImageMetadata { Location = source.Missing("x").ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var wrongSize = await A.CreateImageAsync(Headers(new V1ImageMetadata { Location = url.ToString(), Size = 6 }));
        Assert.Equal(HttpStatusCode.Conflict, wrongSize.StatusCode);
        using var file = await A.CreateImageAsync(Headers(new V1ImageMetadata { Location = "file:///etc/passwd" }));
        Assert.Equal(HttpStatusCode.BadRequest, file.StatusCode);
    }

    [Fact]
    public async Task Copy_from_answers_queued_at_once_and_the_copy_ends_active_with_the_data()
    {
        await using var source = await ExternalHttpSource.StartAsync();
        var data = Bytes(30_000, seed: 4);
        var url = source.Publish("copy.qcow2", data);

        using var response = await A.CreateImageCopyFromAsync(Headers(new V1ImageMetadata { Name = "copied", DiskFormat = "qcow2", ContainerFormat = "bare" }), url.ToString());
        var created = Created(response);
        Assert.Equal("queued", created.Status);

        var shown = await HeadAsync(A, created.Id!);
        for (var i = 0; i < 400 && shown.Status == "queued"; i++)
        {
            await Task.Delay(50);
            shown = await HeadAsync(A, created.Id!);
        }
        Assert.Equal("active", shown.Status);
        Assert.Equal(Md5(data), shown.Checksum);
        using var download = await A.DownloadImageAsync(created.Id!);
        Assert.Equal(data, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Two_data_sources_on_create_are_refused()
    {
        using var response = await A.CreateImageCopyFromAsync(Headers(new V1ImageMetadata { Location = "http://example.invalid/a" }), "http://example.invalid/b");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Delete_answers_200_with_an_empty_body_and_only_admins_still_see_the_deleted_image()
    {
        var image = await CreateWithDataAsync(A, Bytes(10));

        using var deleted = await A.DeleteImageAsync(image.Id!);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(0, deleted.ContentHeaders?.ContentLength ?? 0);

        using var ownerHead = await A.GetImageMetadataAsync(image.Id!);
        Assert.Equal(HttpStatusCode.NotFound, ownerHead.StatusCode);
        var adminView = await HeadAsync(Admin, image.Id!);
        Assert.True(adminView.Deleted);
        Assert.Equal("deleted", adminView.Status);
        Assert.NotNull(adminView.DeletedAt);
        using var again = await A.DeleteImageAsync(image.Id!);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_protected_image_cannot_be_deleted_and_others_cannot_delete_a_public_image()
    {
        var image = await CreateWithDataAsync(Admin, Bytes(10), new V1ImageMetadata { IsPublic = true, Protected = true });
        using var protectedDelete = await Admin.DeleteImageAsync(image.Id!);
        Assert.Equal(HttpStatusCode.Forbidden, protectedDelete.StatusCode);

        var open = await CreateWithDataAsync(Admin, Bytes(10), new V1ImageMetadata { IsPublic = true });
        using var foreignDelete = await B.DeleteImageAsync(open.Id!);
        Assert.Equal(HttpStatusCode.Forbidden, foreignDelete.StatusCode);
    }

    [Fact]
    public async Task Private_images_are_hidden_as_404_from_other_projects()
    {
        var image = await CreateWithDataAsync(A, Bytes(10));
        using var head = await C.GetImageMetadataAsync(image.Id!);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var download = await C.DownloadImageAsync(image.Id!);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task Downloading_a_queued_image_is_404()
    {
        var reserved = await CreateAsync(A, new V1ImageMetadata { Name = "nothing yet" });
        using var download = await A.DownloadImageAsync(reserved.Id!);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task Download_is_streamed_so_a_truncated_body_fails_while_reading_after_the_headers_arrived()
    {
        var data = Bytes(500_000, seed: 5);
        var image = await CreateWithDataAsync(A, data);
        Server.Faults.TruncateDownloadsAfter = 100_000;

        using var download = await A.DownloadImageAsync(image.Id!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode); // headers arrived: the body was not buffered
        Assert.Equal(data.Length, download.Content.Headers.ContentLength);
        await using var body = await download.Content.ReadAsStreamAsync();
        var received = 0L;
        var buffer = new byte[8192];
        var error = await Record.ExceptionAsync(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0) received += read;
        });
        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(100_000, received); // every byte the store delivered arrives, then the short body fails
    }

    [Fact]
    public async Task Upload_is_streamed_the_server_is_saving_before_the_client_has_produced_all_data()
    {
        var reserved = await CreateAsync(A, new V1ImageMetadata { DiskFormat = "raw", ContainerFormat = "bare" });
        var first = Bytes(64 * 1024, seed: 6);
        var rest = Bytes(64 * 1024, seed: 7);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var data = new GatedStream(first, rest, gate.Task);

        var upload = A.UploadImageAsync(reserved.Id!, Headers(new V1ImageMetadata()), data);
        var shown = await HeadAsync(A, reserved.Id!);
        for (var i = 0; i < 500 && shown.Status != "saving"; i++)
        {
            await Task.Delay(20);
            shown = await HeadAsync(A, reserved.Id!);
        }
        Assert.Equal("saving", shown.Status); // the request was sent while the stream still held data back
        gate.SetResult();

        using var response = await upload;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Md5([.. first, .. rest]), response.Content?.Image?.Checksum);
    }

    /// <summary>A non-seekable stream that yields <c>first</c>, then waits for the gate before yielding <c>rest</c>.</summary>
    private sealed class GatedStream(byte[] first, byte[] rest, Task gate) : Stream
    {
        private readonly MemoryStream content = new([.. first, .. rest]);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (content.Position >= first.Length) await gate.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var limit = content.Position < first.Length ? (int)Math.Min(buffer.Length, first.Length - content.Position) : buffer.Length;
            return content.Read(buffer.Span[..limit]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
