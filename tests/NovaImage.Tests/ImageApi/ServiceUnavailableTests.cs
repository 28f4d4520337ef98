using System.Collections.Concurrent;
using System.Security.Cryptography;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;
using NovaImage.Tests.Download;
using NovaImage.Tests.V2;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// Every kind of operation through a loopback proxy in front of the real Glance that answers <c>503</c> on the wire
/// (as a Glance behind a load balancer does while it restarts), before the request reaches Glance.
/// </summary>
public sealed class ServiceUnavailableTests
{
    private static ImageApiHost Through(FaultInjectingProxy proxy, int numRetries) => ImageApiHost.Create(o =>
    {
        o.ApiServers = [proxy.Endpoint.AbsoluteUri];
        o.NumRetries = numRetries;
        o.RetryDelay = TimeSpan.Zero;
        o.FailedServerCooldown = TimeSpan.Zero;
        o.Token = GlanceIdentity.ProjectA.Token;
    });

    private static ImageApiHost Direct() => ImageApiHost.Create(o =>
    {
        o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
        o.Token = GlanceIdentity.ProjectA.Token;
    });

    private static int Count(FaultInjectingProxy proxy, string method, string pathEnd) =>
        proxy.Requests.Count(r => r.Method == method && r.PathAndQuery.EndsWith(pathEnd, StringComparison.Ordinal));

    [Fact]
    public async Task A_503_on_the_first_request_of_every_operation_is_retried_and_each_operation_completes()
    {
        await using var direct = Direct();
        var data = RandomNumberGenerator.GetBytes(300_000);
        var image = await direct.Api.CreateImageAsync(new ImageCreate { Name = "503-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        var file = Path.Combine(Path.GetTempPath(), $"novaimage-503-{Guid.NewGuid():N}.img");
        try
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.ServiceUnavailable(times: 1));
            await using var host = Through(proxy, numRetries: 1);

            await host.Api.UploadAsync(image.Id, new MemoryStream(data));
            Assert.Equal(image.Id, (await host.Api.GetImageAsync(image.Id)).Id);
            await host.Api.DownloadToFileAsync(image.Id, file);
            Assert.Equal(data, await File.ReadAllBytesAsync(file));
            using var copy = new MemoryStream();
            // The /file path already had its 503: a fresh proxy gives the stream download its own.
            await using var streamProxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.ServiceUnavailable(times: 1));
            await using var streamHost = Through(streamProxy, numRetries: 1);
            await streamHost.Api.DownloadAsync(image.Id, copy);
            Assert.Equal(data, copy.ToArray());

            // Each operation: one 503, then one answer from Glance; no more requests than that.
            Assert.Equal(2, Count(proxy, "PUT", "/file"));
            Assert.Equal(2, Count(proxy, "GET", "/file"));
            Assert.Equal(2, Count(streamProxy, "GET", "/file"));
            Assert.Equal([503, 204], proxy.Requests.Where(r => r.Method == "PUT").Select(r => r.Status));
        }
        finally
        {
            File.Delete(file);
            await direct.Api.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public async Task A_file_upload_answered_503_after_its_whole_body_is_sent_again_from_the_start_and_the_image_ends_active_with_its_hash()
    {
        await using var direct = Direct();
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var image = await direct.Api.CreateImageAsync(new ImageCreate { Name = "503-file-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        var file = Path.Combine(Path.GetTempPath(), $"novaimage-503-{Guid.NewGuid():N}.img");
        try
        {
            await File.WriteAllBytesAsync(file, data);
            await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.ServiceUnavailable(times: 1, afterBody: true));
            await using var host = Through(proxy, numRetries: 1);
            var reports = new ConcurrentQueue<TransferProgress>();

            // UploadFileAsync promises the file's size (UploadOptions.Size): the retry must be held to it on its own.
            await host.Api.UploadFileAsync(image.Id, file, new UploadOptions { Progress = new SyncProgress(reports.Enqueue) });

            var puts = proxy.Requests.Where(r => r.Method == "PUT").ToList();
            Assert.Equal([503, 204], puts.Select(r => r.Status));
            Assert.Equal(data.Length, puts[0].RequestBodyBytes);
            var active = await direct.Api.GetImageAsync(image.Id);
            Assert.Equal(ImageStatus.Active, active.Status);
            Assert.Equal(data.Length, active.Size);
            Assert.Equal("sha512", active.OsHashAlgo);
            Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), active.OsHashValue);
            // Progress starts over with the second attempt: never past the file's size, and ends at it.
            Assert.All(reports, r => Assert.InRange(r.BytesTransferred, 0, data.Length));
            Assert.Equal(data.Length, reports.Last().BytesTransferred);
        }
        finally
        {
            File.Delete(file);
            await direct.Api.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public async Task A_503_to_a_non_rewindable_upload_is_not_replayed()
    {
        await using var direct = Direct();
        var image = await direct.Api.CreateImageAsync(new ImageCreate { Name = "503-once-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            // The 503 comes once the data has gone: there is nothing left to send again.
            await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.ServiceUnavailable(times: 1, afterBody: true));
            await using var host = Through(proxy, numRetries: 3);

            var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.UploadAsync(image.Id, new NonSeekableStream([1, 2, 3])));

            Assert.Equal(3, Assert.Single(proxy.Requests, r => r.Method == "PUT").RequestBodyBytes);
            Assert.Equal(image.Id, error.ImageId);
            Assert.Contains("503", error.Message, StringComparison.Ordinal);
            Assert.Contains("cannot be rewound", error.Message, StringComparison.Ordinal);
            Assert.Equal(ImageStatus.Queued, (await direct.Api.GetImageAsync(image.Id)).Status);
        }
        finally
        {
            await direct.Api.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public async Task A_503_on_every_attempt_ends_as_a_connection_failure_naming_the_server_after_num_retries_plus_one_requests()
    {
        var file = Path.Combine(Path.GetTempPath(), $"novaimage-503-{Guid.NewGuid():N}.img");
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.ServiceUnavailable());
        await using var host = Through(proxy, numRetries: 2);
        var id = Guid.NewGuid().ToString();

        var metadata = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.GetImageAsync(id));
        Assert.Equal(3, proxy.Requests.Count);
        var download = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.DownloadToFileAsync(id, file));

        Assert.All([metadata, download], e => Assert.Equal(proxy.Endpoint, e.Server));
        Assert.All([metadata, download], e => Assert.Equal(id, e.ImageId));
        // The download's own metadata read got the same three 503s, and no data was asked for.
        Assert.Equal(6, Count(proxy, "GET", id));
        Assert.Equal(6, proxy.Requests.Count);
        Assert.False(File.Exists(file));
    }
}
