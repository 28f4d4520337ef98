using System.Globalization;
using NovaImage.Core;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;
using NovaImage.Tests.ImageApi;
using NovaImage.Transfers;

namespace NovaImage.Tests.Download;

/// <summary>
/// Parallel ranged downloads from the real Glance, through loopback proxies that count the ranged GETs and cut or
/// corrupt one of them. The ranges are shrunk to 1 MiB so that a 6 MiB image is split into 7 of them.
/// </summary>
public sealed class ParallelRangeTests : DownloadTestBase
{
    private const int RangeSize = 1024 * 1024;
    private const int ImageSize = 6 * RangeSize + 123; // 7 ranges, the last one short
    private const int Ranges = 7;

    private static readonly DownloadOptions Parallel3 = new() { Parallelism = 3, RangeSize = RangeSize, ParallelMinimumSize = 0, AllowDirectStore = false };

    [Fact]
    public async Task AParallelDownloadFetchesEachRangeOnceAndTheFileEqualsTheVerifiedImage()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);
        await using var client = Client(server: proxy.Endpoint, direct: false);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination(), Parallel3);

        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal(DownloadVerification.Multihash, result.Verification);
        Assert.Equal(Sha512Hex(data), result.VerifiedHash);
        Assert.Equal(Ranges, result.Attempts);
        var fileRequests = FileRequests(proxy);
        Assert.All(fileRequests, r => Assert.Equal(206, r.Status));
        // Exactly the 7 ranges, each asked for once, and no whole-image GET.
        Assert.Equal(Enumerable.Range(0, Ranges).Select(RangeHeader).Order(), fileRequests.Select(r => r.Range).Order());
        Assert.Contains("3 ranges at a time", result.Reason, StringComparison.Ordinal);
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task WithoutAPerDownloadValueTheConfiguredDownloadParallelismDecides()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        var unset = Parallel3 with { Parallelism = null };
        await using var oneStreamProxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);
        await using var rangedProxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);

        var oneStream = await Downloader(new GlanceOptions { NumRetries = 3, DownloadParallelism = 1 })
            .DownloadToFileAsync(image, V2Source(image.Id, NewCounter(), oneStreamProxy.Endpoint), Destination(), unset);

        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal(Sha512Hex(data), oneStream.VerifiedHash);
        // One whole-image GET, no range.
        var whole = Assert.Single(FileRequests(oneStreamProxy));
        Assert.Null(whole.Range);
        Assert.Equal(200, whole.Status);
        Assert.Contains("[glance] download_parallelism is 1", oneStream.Reason, StringComparison.Ordinal);

        File.Delete(Destination());
        var ranged = await Downloader(new GlanceOptions { NumRetries = 3, DownloadParallelism = 2 })
            .DownloadToFileAsync(image, V2Source(image.Id, NewCounter(), rangedProxy.Endpoint), Destination(), unset);

        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal(Sha512Hex(data), ranged.VerifiedHash);
        var fileRequests = FileRequests(rangedProxy);
        Assert.All(fileRequests, r => Assert.Equal(206, r.Status));
        Assert.Equal(Enumerable.Range(0, Ranges).Select(RangeHeader).Order(), fileRequests.Select(r => r.Range).Order());
        Assert.Contains("2 ranges at a time", ranged.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APerDownloadParallelismWinsOverTheConfiguredOne()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);

        var result = await Downloader(new GlanceOptions { NumRetries = 3, DownloadParallelism = 1 })
            .DownloadToFileAsync(image, V2Source(image.Id, NewCounter(), proxy.Endpoint), Destination(), Parallel3);

        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal(Ranges, FileRequests(proxy).Length);
        Assert.Contains("3 ranges at a time", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExplicitParallelismBelow1IsRefused()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Downloader(new GlanceOptions { NumRetries = 3 }).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination(), Parallel3 with { Parallelism = 0 }));

        Assert.Contains("DownloadOptions.Parallelism must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARangeCutMidwayIsResumedFromWhereItStoppedAndTheImageStillVerifies()
    {
        const long cutAfter = 300 * 1024 + 11;
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.CutImageData(cutAfter, times: 1));
        await using var client = Client(server: proxy.Endpoint, direct: false);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination(), Parallel3);

        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal(Sha512Hex(data), result.VerifiedHash);
        Assert.Equal(Ranges + 1, result.Attempts);
        var fileRequests = FileRequests(proxy);
        var cut = Assert.Single(fileRequests, r => r.Cut);
        var (cutStart, cutEnd) = Bounds(cut.Range!);
        // The resume asks for the rest of that range only: from what had arrived (a few bytes may have been lost in
        // the abort) to the same end, and the other ranges are untouched.
        var resume = Assert.Single(fileRequests, r => !r.Cut && Bounds(r.Range!).End == cutEnd && Bounds(r.Range!).Start != cutStart);
        Assert.InRange(Bounds(resume.Range!).Start - cutStart, 1, cutAfter);
        Assert.Equal(206, resume.Status);
        Assert.Equal(cutEnd + 1 - Bounds(resume.Range!).Start, resume.BodyBytesSent);
        Assert.Equal(Ranges + 1, fileRequests.Length);
    }

    [Fact]
    public async Task AFlippedByteInOneRangeFailsVerificationAndLeavesTheDestinationAsItWas()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await File.WriteAllTextAsync(Destination(), "previous image");
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.FlipImageDataByte(1000, times: 1));
        await using var client = Client(server: proxy.Endpoint, direct: false);

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() => client.Api.DownloadToFileAsync(image.Id, Destination(), Parallel3));

        Assert.Equal(image.Id, error.ImageId);
        Assert.Contains("does not match its sha512", error.Message, StringComparison.Ordinal);
        Assert.Equal(Ranges, FileRequests(proxy).Length); // every range was fetched: the flip is only seen by the hash
        Assert.Equal("previous image", await File.ReadAllTextAsync(Destination()));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task WithTwoApiServersTheRangesAreSpreadOverBoth()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var first = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);
        await using var second = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);
        await using var client = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, first.Endpoint, second.Endpoint);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination(), Parallel3);

        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal(Sha512Hex(data), result.VerifiedHash);
        var (viaFirst, viaSecond) = (FileRequests(first), FileRequests(second));
        // Round-robin over the endpoints: 7 ranges split 4/3 (which server starts depends on the client's shuffle).
        Assert.Equal(Ranges, viaFirst.Length + viaSecond.Length);
        Assert.InRange(viaFirst.Length, 3, 4);
        Assert.InRange(viaSecond.Length, 3, 4);
        Assert.All(viaFirst.Concat(viaSecond), r => Assert.Equal(206, r.Status));
    }

    [Fact]
    public async Task CancellingAParallelDownloadLeavesTheDestinationAsItWasAndNoTemporaryFile()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await File.WriteAllTextAsync(Destination(), "previous image");
        // One range stalls, so the download cannot finish before the first verified bytes cancel it.
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.StallImageData(RangeSize / 2, times: 1));
        await using var client = Client(server: proxy.Endpoint, direct: false);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.BytesTransferred > 0) cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.Api.DownloadToFileAsync(image.Id, Destination(), Parallel3 with { Progress = progress }, cancel.Token));

        Assert.True(FileRequests(proxy).Length > 1);
        Assert.Equal("previous image", await File.ReadAllTextAsync(Destination()));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task AServerThatIgnoresRangesGetsOneStreamInsteadAndTheImageVerifies()
    {
        // Glance's image cache has answered ranged GETs with the whole image: a source that drops the Range header
        // stands in for such a server.
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (_, _) => null);

        var result = await Downloader(new GlanceOptions { NumRetries = 3 }).DownloadToFileAsync(image, IgnoringRanges(V2Source(image.Id, NewCounter(), proxy.Endpoint)), Destination(), Parallel3);

        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.Equal(Sha512Hex(data), result.VerifiedHash);
        Assert.Contains("the server ignored a range", result.Reason, StringComparison.Ordinal);
        // The whole image arrived once as one stream after the refused ranges.
        Assert.Contains(FileRequests(proxy), r => r.Status == 200 && r.BodyBytesSent == ImageSize);
        Assert.Empty(TempFiles());
    }

    private static ProxiedRequest[] FileRequests(FaultInjectingProxy proxy) =>
        proxy.Requests.Where(r => r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal)).ToArray();

    private static string RangeHeader(int range) =>
        string.Create(CultureInfo.InvariantCulture, $"bytes={range * RangeSize}-{Math.Min(ImageSize, (range + 1) * RangeSize) - 1}");

    private static (long Start, long End) Bounds(string range)
    {
        var parts = range["bytes=".Length..].Split('-');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static DataSource IgnoringRanges(DataSource ranged) => ranged with { Wrap = source => new RangeIgnoringSource(source) };

    /// <summary>Asks for the whole image whatever range the pipeline wants, as a server that ignores Range answers.</summary>
    private sealed class RangeIgnoringSource(HttpImageSource inner) : HttpImageSource(inner, supportsRange: true)
    {
        public override Task<ImageDataResponse> OpenAsync(GlanceAttempt attempt, long offset, long? end, CancellationToken cancellationToken) =>
            base.OpenAsync(attempt, 0, null, cancellationToken);
    }
}
