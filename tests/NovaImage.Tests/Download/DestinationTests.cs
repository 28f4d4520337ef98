using NovaImage.TestSupport;

namespace NovaImage.Tests.Download;

/// <summary>
/// What a download does to what its destination path names (the CLI runs as root on compute hosts): a file is
/// replaced keeping its owner, group and mode, a symlink stays a link, a device or FIFO is written in place and stays
/// one, and a destination that cannot be written is refused before any request. Against the real Glance; the special
/// files are made in the scratch directory (a private null device, never the host's <c>/dev/null</c>).
/// </summary>
public sealed class DestinationTests : DownloadTestBase
{
    [Fact]
    public async Task AnExistingFileKeepsItsOwnerGroupAndModeWhileANewFileFollowsTheUmask()
    {
        var data = RandomBytes(200 * 1024);
        var image = await UploadAsync(data);
        var existing = Destination("nova-owned.raw");
        await File.WriteAllTextAsync(existing, "old");
        UnixFiles.Give(existing, "nobody:nogroup", "600");
        var fresh = Destination("fresh.raw");
        var umaskReference = Destination("reference");
        await File.WriteAllTextAsync(umaskReference, "");
        await using var client = Client(direct: false);

        await client.Api.DownloadToFileAsync(image.Id, existing);
        await client.Api.DownloadToFileAsync(image.Id, fresh);

        Assert.Equal(data, await File.ReadAllBytesAsync(existing));
        Assert.Equal("nobody:nogroup 600", UnixFiles.OwnerGroupMode(existing));
        Assert.Equal(UnixFiles.OwnerGroupMode(umaskReference), UnixFiles.OwnerGroupMode(fresh));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task ASymlinkStaysALinkAndItsTargetIsReplaced()
    {
        var data = RandomBytes(150 * 1024);
        var image = await UploadAsync(data);
        var targetDir = Directory.CreateDirectory(Path.Combine(ScratchDir, "volumes")).FullName;
        var target = Path.Combine(targetDir, "disk.raw");
        await File.WriteAllTextAsync(target, "old");
        UnixFiles.Give(target, "nobody:nogroup", "640");
        var link = Destination("disk-link.raw");
        File.CreateSymbolicLink(link, Path.Combine("volumes", "disk.raw")); // relative, as links under /etc often are
        await using var client = Client(direct: false);

        await client.Api.DownloadToFileAsync(image.Id, link);

        Assert.Equal("symbolic link", UnixFiles.KindOf(link));
        Assert.Equal(Path.Combine("volumes", "disk.raw"), new FileInfo(link).LinkTarget);
        Assert.Equal(data, await File.ReadAllBytesAsync(target));
        Assert.Equal("nobody:nogroup 640", UnixFiles.OwnerGroupMode(target));
        Assert.Empty(TempFiles());
        Assert.Empty(Directory.GetFiles(targetDir, "*" + Transfers.ImageDownloader.TempFileSuffix));
    }

    [Fact]
    public async Task AFifoIsWrittenInPlaceAndStaysAFifo()
    {
        var data = RandomBytes(700 * 1024); // more than a pipe holds: the reader must drain it while it streams
        var image = await UploadAsync(data);
        var fifo = Destination("pipe");
        UnixFiles.MakeFifo(fifo);
        var reader = Task.Run(async () =>
        {
            await using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Read);
            using var received = new MemoryStream();
            await pipe.CopyToAsync(received);
            return received.ToArray();
        });
        await using var client = Client(direct: false);

        var result = await client.Api.DownloadToFileAsync(image.Id, fifo);

        Assert.Equal("fifo", UnixFiles.KindOf(fifo));
        Assert.Equal(data, await reader);
        Assert.Equal("sha512", result.VerifiedAlgorithm);
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task ACharacterDeviceIsWrittenInPlaceByTheDirectStoreAndStaysADevice()
    {
        var data = RandomBytes(300 * 1024);
        var image = await UploadAsync(data);
        var device = Destination("null");
        UnixFiles.MakeNullDevice(device);
        await using var client = Client();

        var result = await client.Api.DownloadToFileAsync(image.Id, device);

        Assert.Equal("character special file", UnixFiles.KindOf(device));
        Assert.Equal(DownloadPath.DirectStore, result.Path);
        Assert.Equal(data.Length, result.Bytes);
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task AFailedVerificationOnADeviceSaysTheDeviceHoldsUnverifiedData()
    {
        var data = RandomBytes(200 * 1024);
        var image = await UploadAsync(data);
        var wrong = new string('0', 128);
        var device = Destination("null");
        UnixFiles.MakeNullDevice(device);

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() =>
            Downloader(new GlanceOptions { NumRetries = 0 }).DownloadToFileAsync(image with { OsHashValue = wrong }, V2Source(image.Id, NewCounter()), device));

        Assert.Contains($"sha512: expected {wrong}, got {Sha512Hex(data)}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{device} is a character device, written in place: it holds the data that failed verification, which cannot be rolled back", error.Message, StringComparison.Ordinal);
        Assert.Equal(image.Id, error.ImageId);
        Assert.Equal("character special file", UnixFiles.KindOf(device));
    }

    [Fact]
    public async Task ADirectCopyThatFailedAfterWritingToADeviceDoesNotFallBackToHttp()
    {
        var data = RandomBytes(256 * 1024);
        var image = await UploadAsync(data);
        var localMount = Directory.CreateDirectory(Path.Combine(ScratchDir, "stale-mount")).FullName;
        var stale = (byte[])data.Clone();
        stale[100] ^= 0x01;
        await File.WriteAllBytesAsync(Path.Combine(localMount, image.Id), stale);
        var device = Destination("null");
        UnixFiles.MakeNullDevice(device);
        await using var client = Client(mountpoint: localMount);

        var error = await Assert.ThrowsAsync<ImageIntegrityException>(() => client.Api.DownloadToFileAsync(image.Id, device));

        // HTTP would write the image after the stale copy already on the device: a valid-looking result over bad bytes.
        Assert.Contains("does not match its sha512", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{device} is a character device, written in place", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.Requests.PathsEndingWith("/file"));
        Assert.Equal("character special file", UnixFiles.KindOf(device));
    }

    [Theory]
    [InlineData("a-directory", "it is a directory")]
    [InlineData("missing/image.raw", "does not exist")]
    [InlineData("/sys/novaimage-destination.raw", "cannot create a file in /sys")] // refused even to root
    public async Task ADestinationThatCannotBeWrittenIsRefusedBeforeAnyRequest(string name, string why)
    {
        Directory.CreateDirectory(Destination("a-directory"));
        var imageId = Guid.NewGuid().ToString();
        await using var client = Client(direct: false);

        var error = await Assert.ThrowsAsync<InvalidDestinationException>(() => client.Api.DownloadToFileAsync(imageId, Destination(name)));

        Assert.Contains($"Cannot write '{Destination(name)}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Equal(imageId, error.ImageId);
        Assert.Equal(Destination(name), error.Path);
        Assert.Empty(client.Requests.All);
        Assert.Empty(Directory.GetFileSystemEntries(Destination("a-directory")));
    }
}
