using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;
using NovaImage.Core;
using NovaImage.Transfers;

namespace NovaImage.Tests.Download;

/// <summary>Downloads through a loopback proxy that cuts (or stalls) Glance's responses mid-stream.</summary>
public sealed class ResumeTests : DownloadTestBase
{
    private const int ImageSize = 4 * 1024 * 1024 + 123;
    private const long CutAfter = 1024 * 1024 + 7;

    [Fact]
    public async Task ACutMidStreamIsResumedWithARangeRequestAndTheBytesVerify()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.CutImageData(CutAfter, times: 1));
        await using var client = Client(server: proxy.Endpoint, direct: false);

        var result = await client.Api.DownloadToFileAsync(image.Id, Destination());

        Assert.Equal(2, result.Attempts);
        Assert.Equal(Sha512Hex(data), result.VerifiedHash);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        var fileRequests = proxy.Requests.Where(r => r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, fileRequests.Length);
        Assert.True(fileRequests[0].Cut);
        Assert.Null(fileRequests[0].Range);
        // The resume asks for exactly what the client had not received (the proxy relayed CutAfter bytes; a few may
        // have been lost in the abort), and Glance sends just that.
        var resumedAt = long.Parse(fileRequests[1].Range!["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(resumedAt, 1, CutAfter);
        Assert.Equal(206, fileRequests[1].Status);
        Assert.Equal(ImageSize - resumedAt, fileRequests[1].BodyBytesSent);
    }

    [Fact]
    public async Task ACutOnEveryAttemptFailsAfterNumRetriesPlusOneAttemptsAndLeavesTheDestinationUntouched()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await File.WriteAllTextAsync(Destination(), "previous image");
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.CutImageData(CutAfter));
        await using var client = Client(server: proxy.Endpoint, numRetries: 2, direct: false);

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => client.Api.DownloadToFileAsync(image.Id, Destination()));

        var fileRequests = proxy.Requests.Where(r => r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, fileRequests.Length);
        Assert.All(fileRequests, r => Assert.True(r.Cut));
        Assert.Equal(image.Id, error.ImageId);
        Assert.Equal(proxy.Endpoint, error.Server);
        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal("previous image", await File.ReadAllTextAsync(Destination()));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task ASourceWithoutRangesRestartsFromByteZeroAndStillVerifies()
    {
        // v1's data GET has no ranges: the same Glance answer without a Range header exercises that restart path.
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.CutImageData(CutAfter, times: 1));

        var result = await Downloader(HttpOnly()).DownloadToFileAsync(image, NoRanges(V2Source(image.Id, NewCounter(), proxy.Endpoint)), Destination());

        Assert.Equal(2, result.Attempts);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.All(proxy.Requests, r => Assert.Null(r.Range));
        Assert.Equal(200, proxy.Requests[1].Status);
        Assert.Equal(ImageSize, proxy.Requests[1].BodyBytesSent);
    }

    [Fact]
    public async Task AStreamDestinationIsResumedWithoutWritingAnyByteTwice()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.CutImageData(CutAfter, times: 2));
        using var destination = new MemoryStream();

        var result = await Downloader(HttpOnly()).DownloadAsync(image, NoRanges(V2Source(image.Id, NewCounter(), proxy.Endpoint)), destination);

        Assert.Equal(3, result.Attempts);
        Assert.Equal(data, destination.ToArray());
    }

    [Fact]
    public async Task AStalledStreamTimesOutAndIsResumed()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.StallImageData(CutAfter, times: 1));
        var options = HttpOnly();
        options.Timeout = TimeSpan.FromSeconds(1);

        var result = await Downloader(options).DownloadToFileAsync(image, V2Source(image.Id, NewCounter(), proxy.Endpoint), Destination());

        Assert.Equal(2, result.Attempts);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
        Assert.StartsWith("bytes=", proxy.Requests.Single(r => r.Range is not null).Range, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageDataIsNotBoundedByTheMetadataAnswerSizeLimit()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        var options = HttpOnly();
        options.MaxResponseSize = 64 * 1024;

        var result = await Downloader(options).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination());

        Assert.Equal(1, result.Attempts);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Fact]
    public async Task ARestartThatReReadsDifferentBytesThanThoseWrittenIsAnIntegrityError()
    {
        // Attempt 1 delivers a corrupted first byte, then the connection breaks; attempt 2 (no ranges) re-reads the
        // true bytes, whose hash alone would pass. The re-read prefix must match what the destination already holds.
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.CutImageData(CutAfter, times: 1));
        var source = CorruptFirstAttempt(V2Source(image.Id, NewCounter(), proxy.Endpoint));
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() => Downloader(HttpOnly()).DownloadAsync(image, source, destination));

        Assert.Contains("changed between attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingMidDownloadLeavesTheOldDestinationAndNoTemporaryFile()
    {
        var data = RandomBytes(ImageSize);
        var image = await UploadAsync(data);
        await File.WriteAllTextAsync(Destination(), "previous image");
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.BytesTransferred > 0) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Downloader(HttpOnly()).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination(), new DownloadOptions { Progress = progress }, cancel.Token));

        Assert.Equal("previous image", await File.ReadAllTextAsync(Destination()));
        Assert.Empty(TempFiles());
    }

    private static GlanceOptions HttpOnly(int numRetries = 3) => new() { ApiServers = [GlanceServer.Endpoint.ToString()], NumRetries = numRetries };

    /// <summary>The same source, but declaring (as v1 does) that it cannot start at an offset.</summary>
    private static DataSource NoRanges(DataSource ranged) => ranged with { Wrap = source => new HttpImageSource(source, supportsRange: false) };

    /// <summary>Without ranges, and the first byte of the first attempt's data flipped (corruption a real server will not produce on demand).</summary>
    private static DataSource CorruptFirstAttempt(DataSource ranged) => ranged with { Wrap = source => new FirstAttemptCorrupted(source) };

    private sealed class FirstAttemptCorrupted(HttpImageSource inner) : HttpImageSource(inner, supportsRange: false)
    {
        public override async Task<ImageDataResponse> OpenAsync(GlanceAttempt attempt, long offset, long? end, CancellationToken cancellationToken)
        {
            var response = await base.OpenAsync(attempt, offset, end, cancellationToken);
            return attempt.Number > 1 ? response : new ImageDataResponse(new FirstByteFlipped(response), response.Offset, response.Server, response.TotalLength);
        }

        private sealed class FirstByteFlipped(ImageDataResponse response) : Stream
        {
            private bool _flipped;
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                var read = await response.Content.ReadAsync(buffer, cancellationToken);
                if (read > 0 && !_flipped)
                {
                    buffer.Span[0] ^= 0xFF;
                    _flipped = true;
                }

                return read;
            }

            public override async ValueTask DisposeAsync() => await response.DisposeAsync();
        }
    }
}
