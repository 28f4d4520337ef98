using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;
using NovaImage.Tests.Download;
using NovaImage.Tests.ImageApi;
using Xunit.Abstractions;

namespace NovaImage.Tests.Hostile;

/// <summary>
/// A bounded soak against the real Glance: parallel uploads, verified file downloads and listings through one client
/// whose two servers are loopback proxies, one of which goes down in the middle and comes back on the same port.
/// Bounded by operation count, never by wall time: the server goes down after a number of operations has completed,
/// and comes back after a later number, whatever the machine's speed.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output) : DownloadTestBase
{
    private const int Workers = 8;
    private const int OperationsPerWorker = 12;
    private const int Total = Workers * OperationsPerWorker;
    private const int StopAfter = Total / 3;
    private const int RestartAfter = 2 * Total / 3;
    // How often the harness redoes one operation that failed (typed) before the soak counts it as lost.
    private const int HarnessAttempts = 5;
    // The managed heap may grow by this much over the run (caches, connection pools), not with the data moved.
    private const long MemoryBound = 64L * 1024 * 1024;

    [Fact]
    public async Task Parallel_transfers_survive_a_server_going_down_and_coming_back()
    {
        await using var steady = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);
        await using var flaky = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [steady.Endpoint.AbsoluteUri, flaky.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
            o.RetryDelay = RetryDelay;
            o.NumRetries = 3;
            // Strict round-robin: every call keeps meeting the down server, and uses it again once it is back,
            // without depending on how long a cooldown lasts.
            o.FailedServerCooldown = TimeSpan.Zero;
        });
        var api = host.Api;
        var tag = Unique("soak");
        var uploaded = new ConcurrentDictionary<string, byte[]>();
        var seed = Data(-1);
        uploaded[await UploadOnceAsync(api, tag, seed)] = seed;

        var heapAtStart = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAtStart = Environment.WorkingSet;
        var completed = 0;
        var harnessRetries = 0;
        var downloads = 0;
        Task? stopped = null;
        Task? restarted = null;
        var flakyRequestsAtRestart = 0;

        async Task WorkerAsync(int worker)
        {
            for (var i = 0; i < OperationsPerWorker; i++)
            {
                var operation = worker * OperationsPerWorker + i;
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await RunOperationAsync(operation);
                        break;
                    }
                    catch (GlanceException) when (attempt < HarnessAttempts)
                    {
                        // A typed failure the client gave up on: the harness redoes the whole operation.
                        Interlocked.Increment(ref harnessRetries);
                    }
                }

                var done = Interlocked.Increment(ref completed);
                if (done == StopAfter) stopped = flaky.StopAsync();
                if (done == RestartAfter)
                {
                    // Still awaited by the same worker: the restart never overtakes the stop.
                    restarted = RestartAsync();
                    await restarted;
                }
            }
        }

        async Task RestartAsync()
        {
            while (Volatile.Read(ref stopped) is null) await Task.Yield();
            await stopped!;
            flakyRequestsAtRestart = flaky.Requests.Count;
            await flaky.RestartAsync();
        }

        async Task RunOperationAsync(int operation)
        {
            switch (operation % 3)
            {
                case 0:
                {
                    var data = Data(operation);
                    uploaded[await UploadOnceAsync(api, tag, data)] = data;
                    break;
                }
                case 1:
                {
                    var images = uploaded.ToArray();
                    var (id, data) = images[operation % images.Length];
                    var destination = Destination($"op{operation}.raw");
                    await api.DownloadToFileAsync(id, destination);
                    // Verified by the client already; checked here independently against what was uploaded.
                    Assert.Equal(SHA512.HashData(data), SHA512.HashData(await File.ReadAllBytesAsync(destination)));
                    File.Delete(destination);
                    Interlocked.Increment(ref downloads);
                    break;
                }
                default:
                    Assert.NotEmpty(await api.ListImagesAsync(new ImageQuery { Tags = [tag] }).ToListAsync());
                    break;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkerAsync(w))));

        var imagesUploaded = uploaded.Count - 1;
        // The harness's own copy of every upload (8 MiB) is not the client's memory.
        uploaded.Clear();
        var heapAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAtEnd = Environment.WorkingSet;
        var logs = host.Logs.GetSnapshot();
        var clientRetries = logs.Count(r => r.Id.Id == 1);
        var serverMarkedFailed = logs.Count(r => r.Id.Id == 6);
        var doneTrying = logs.Count(r => r.Id.Id == 2);
        output.WriteLine($"operations {Total} ({Workers} workers), downloads verified {downloads}, images uploaded {imagesUploaded}");
        output.WriteLine($"client retries on the other server (event 1) {clientRetries}, servers marked failed (event 6) {serverMarkedFailed}, " +
                         $"calls the client gave up on (event 2) {doneTrying}, operations redone by the harness {harnessRetries}");
        output.WriteLine($"flaky proxy requests: {flakyRequestsAtRestart} before its restart, {flaky.Requests.Count} at the end; steady proxy {steady.Requests.Count}");
        output.WriteLine($"managed heap {heapAtStart / 1024} KiB -> {heapAtEnd / 1024} KiB, working set {workingSetAtStart / 1048576} MiB -> {workingSetAtEnd / 1048576} MiB");

        // Nothing lost: every operation ended in success (a failure is rethrown once the harness runs out of attempts).
        Assert.Equal(Total, completed);
        Assert.NotNull(restarted);
        Assert.Equal(Total / 3, imagesUploaded);
        Assert.Equal(Total / 3, downloads);
        // The down server was met and survived, and it served again once back on its port.
        Assert.True(clientRetries > 0, "no attempt failed over to the other server while one was down");
        Assert.True(flaky.Requests.Count > flakyRequestsAtRestart, "the restarted server was never used again");
        Assert.Empty(TempFiles());
        Assert.Empty(Directory.GetFiles(ScratchDir));
        Assert.True(heapAtEnd - heapAtStart < MemoryBound, $"managed heap grew from {heapAtStart} to {heapAtEnd} bytes");
    }

    /// <summary>Creates an image tagged <paramref name="tag"/> and uploads <paramref name="data"/> (a fresh image per attempt: a cut upload may leave the old one saving).</summary>
    private async Task<string> UploadOnceAsync(IImageApi api, string tag, byte[] data)
    {
        var image = await api.CreateImageAsync(new ImageCreate { Name = Unique("soak"), DiskFormat = "raw", ContainerFormat = "bare", Tags = [tag] });
        Track(image.Id);
        await api.UploadAsync(image.Id, new MemoryStream(data));
        return image.Id;
    }

    /// <summary>The data of one upload: 256 KiB and a bit, the same on every run.</summary>
    private static byte[] Data(int operation)
    {
        var data = new byte[256 * 1024 + operation + 1];
        new Random(operation).NextBytes(data);
        return data;
    }
}
