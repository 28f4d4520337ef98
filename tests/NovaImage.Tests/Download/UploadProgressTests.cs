using NovaImage.Transfers;

namespace NovaImage.Tests.Download;

/// <summary>Upload progress: what an HTTP stack pulls through <see cref="ProgressReportingStream"/>.</summary>
public sealed class UploadProgressTests
{
    [Fact]
    public async Task EveryByteReadIsReportedWithTheTotalAndAFinalReport()
    {
        var data = new byte[3 * 1024 * 1024];
        var progress = new SyncProgress(_ => { });
        await using var stream = new ProgressReportingStream(new MemoryStream(data), progress);

        await stream.CopyToAsync(Stream.Null);

        Assert.Equal(data.Length, progress.Reports[^1].BytesTransferred);
        Assert.All(progress.Reports, p => Assert.Equal(data.Length, p.TotalBytes));
    }

    [Fact]
    public async Task ARewindForARetriedRequestRestartsTheCount()
    {
        var progress = new SyncProgress(_ => { });
        await using var stream = new ProgressReportingStream(new MemoryStream(new byte[1000]), progress);
        await stream.CopyToAsync(Stream.Null);

        stream.Position = 0;

        Assert.Equal(0, progress.Reports[^1].BytesTransferred);
        await stream.CopyToAsync(Stream.Null);
        Assert.Equal(1000, progress.Reports[^1].BytesTransferred);
    }
}
