namespace NovaImage.Tests.Download;

/// <summary>What the pipeline checks while it streams an HTTP download from the real Glance.</summary>
public sealed class VerificationTests : DownloadTestBase
{
    private static readonly GlanceOptions HttpOnly = new() { NumRetries = 1 };

    [Fact]
    public async Task AMultihashMismatchNamesExpectedAndActualAndPublishesNothing()
    {
        var data = RandomBytes(300 * 1024);
        var image = await UploadAsync(data);
        var wrong = new string('0', 128);

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() =>
            Downloader(HttpOnly).DownloadToFileAsync(image with { OsHashValue = wrong }, V2Source(image.Id, NewCounter()), Destination()));

        Assert.Contains($"sha512: expected {wrong}, got {Sha512Hex(data)}", error.Message, StringComparison.Ordinal);
        Assert.Equal(NovaImage.TestSupport.GlanceServer.Endpoint, error.Server);
        Assert.False(File.Exists(Destination()));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task ByDefaultOnlyTheMultihashIsVerifiedAsGlanceclientDoesSoAWrongMd5IsNotEvenComputed()
    {
        var data = RandomBytes(100 * 1024);
        var image = (await UploadAsync(data)) with { Checksum = new string('a', 32) };

        var result = await Downloader(HttpOnly).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination());

        Assert.Equal(DownloadVerification.Multihash, result.Verification);
        Assert.Equal(["sha512"], result.VerifiedAlgorithms);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination()));
    }

    [Fact]
    public async Task AskingForTheMd5VerifiesBothHashesAndAWrongMd5FailsTheDownload()
    {
        var data = RandomBytes(100 * 1024);
        var image = await UploadAsync(data);
        var both = new DownloadOptions { VerifyMd5 = true };

        var result = await Downloader(HttpOnly).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination(), both);
        Assert.Equal(["sha512", "md5"], result.VerifiedAlgorithms);
        Assert.Equal("sha512", result.VerifiedAlgorithm);

        var wrongMd5 = image with { Checksum = new string('a', 32) };
        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() =>
            Downloader(HttpOnly).DownloadToFileAsync(wrongMd5, V2Source(image.Id, NewCounter()), Destination(), both));
        Assert.Contains($"md5: expected {wrongMd5.Checksum}, got {Md5Hex(data)}", error.Message, StringComparison.Ordinal);
        Assert.Equal(data, await File.ReadAllBytesAsync(Destination())); // the earlier download is left as it was
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task TheClientsVerifyMd5OptionAsksForTheMd5AndADownloadCanTurnItOffAgain()
    {
        var data = RandomBytes(100 * 1024);
        var image = (await UploadAsync(data)) with { Checksum = new string('a', 32) };
        var verifyMd5 = new GlanceOptions { NumRetries = 1, VerifyMd5 = true };

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() =>
            Downloader(verifyMd5).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination()));
        Assert.Contains("does not match its md5", error.Message, StringComparison.Ordinal);

        var result = await Downloader(verifyMd5).DownloadToFileAsync(
            image, V2Source(image.Id, NewCounter()), Destination(), new DownloadOptions { VerifyMd5 = false });
        Assert.Equal(["sha512"], result.VerifiedAlgorithms);
    }

    [Fact]
    public async Task WithoutAMultihashTheMd5ChecksumIsVerified()
    {
        var data = RandomBytes(100 * 1024);
        var image = (await UploadAsync(data)) with { OsHashAlgo = null, OsHashValue = null };

        var result = await Downloader(HttpOnly).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination());

        Assert.Equal("md5", result.VerifiedAlgorithm);
        Assert.Equal(["md5"], result.VerifiedAlgorithms);
        Assert.Equal(Md5Hex(data), result.VerifiedHash);
    }

    [Fact]
    public async Task WithNoHashInTheRecordGlancesContentMd5HeaderIsVerified()
    {
        var data = RandomBytes(100 * 1024);
        var image = (await UploadAsync(data)) with { OsHashAlgo = null, OsHashValue = null, Checksum = null };

        var result = await Downloader(HttpOnly).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination());

        Assert.Equal("md5", result.VerifiedAlgorithm);
        Assert.Equal(Md5Hex(data), result.VerifiedHash);
    }

    [Fact]
    public async Task MoreBytesThanTheImageSizeAreRefusedAtTheFirstExtraByte()
    {
        var data = RandomBytes(1024 * 1024);
        var image = (await UploadAsync(data)) with { Size = 1000 };
        var progress = new SyncProgress(_ => { });

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() =>
            Downloader(HttpOnly).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination(), new DownloadOptions { Progress = progress }));

        Assert.Contains("larger than the image's size: expected 1000 bytes", error.Message, StringComparison.Ordinal);
        Assert.All(progress.Reports, p => Assert.True(p.BytesTransferred <= 1000));
        Assert.False(File.Exists(Destination()));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task AnAlgorithmThisPlatformCannotComputeWithoutAnMd5FallbackIsRefusedBeforeWriting()
    {
        var data = RandomBytes(10 * 1024);
        var image = (await UploadAsync(data)) with { OsHashAlgo = "blake2b", OsHashValue = new string('1', 128) };

        var error = await Assert.ThrowsAsync<FeatureNotSupportedException>(() =>
            Downloader(HttpOnly).DownloadToFileAsync(image with { Checksum = null }, V2Source(image.Id, NewCounter()), Destination()));
        Assert.Contains("os_hash_algo 'blake2b'", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Destination()));

        var result = await Downloader(HttpOnly).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination());
        Assert.Equal("md5", result.VerifiedAlgorithm);
        // Reported, not skipped silently: the multihash the image declares was not checked.
        Assert.Equal(DownloadVerification.Md5, result.Verification);
        Assert.Equal("blake2b", result.UnverifiedAlgorithm);
    }

    [Fact]
    public async Task AVerifiedMultihashSaysSoAndLeavesNothingUnverified()
    {
        var data = RandomBytes(10 * 1024);
        var image = await UploadAsync(data);

        var result = await Downloader(HttpOnly).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination());

        Assert.Equal(DownloadVerification.Multihash, result.Verification);
        Assert.Null(result.UnverifiedAlgorithm);
    }

    [Fact]
    public async Task ProgressCountsUpToTheImageSizeWithTheTotalAndARate()
    {
        var data = RandomBytes(2 * 1024 * 1024);
        var image = await UploadAsync(data);
        var progress = new SyncProgress(_ => { });

        await Downloader(HttpOnly).DownloadToFileAsync(image, V2Source(image.Id, NewCounter()), Destination(), new DownloadOptions { Progress = progress });

        Assert.NotEmpty(progress.Reports);
        Assert.Equal(data.Length, progress.Reports[^1].BytesTransferred);
        Assert.All(progress.Reports, p => Assert.Equal(data.Length, p.TotalBytes));
        Assert.True(progress.Reports[^1].BytesPerSecond > 0);
        Assert.Equal(progress.Reports.Select(p => p.BytesTransferred).Order(), progress.Reports.Select(p => p.BytesTransferred));
    }

    [Fact]
    public async Task ADownloadIntoAStreamIsVerifiedToo()
    {
        var data = RandomBytes(300 * 1024);
        var image = await UploadAsync(data);
        using var destination = new MemoryStream();

        var result = await Downloader(HttpOnly).DownloadAsync(image, V2Source(image.Id, NewCounter()), destination);
        Assert.Equal(data, destination.ToArray());
        Assert.Equal(Sha512Hex(data), result.VerifiedHash);

        using var other = new MemoryStream();
        await Assert.ThrowsAsync<ImageIntegrityException>(() =>
            Downloader(HttpOnly).DownloadAsync(image with { OsHashValue = new string('f', 128) }, V2Source(image.Id, NewCounter()), other));
    }

    [Fact]
    public async Task AnImageWithoutDataIsAClearError()
    {
        var image = await CreateRawImageAsync("queued");

        var error = await Assert.ThrowsAsync<ImageConflictException>(() =>
            Downloader(HttpOnly).DownloadToFileAsync(ToImage(image), V2Source(image.Id, NewCounter()), Destination()));

        Assert.Contains("no data", error.Message, StringComparison.Ordinal);
        Assert.Equal(image.Id, error.ImageId);
        Assert.False(File.Exists(Destination()));
    }

    [Fact]
    public async Task AMissingImageIsNotFoundAndNotRetried()
    {
        var counter = NewCounter();
        var id = Guid.NewGuid().ToString();

        await Assert.ThrowsAsync<ImageNotFoundException>(() =>
            Downloader(HttpOnly).DownloadToFileAsync(new Image { Id = id, Size = 10 }, V2Source(id, counter), Destination()));

        Assert.Equal(1, counter.Log.PathsEndingWith("/file"));
    }
}
