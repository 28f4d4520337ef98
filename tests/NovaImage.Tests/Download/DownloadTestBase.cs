using System.Text.Json;
using NovaImage.Core;
using NovaImage.DirectStore;
using NovaImage.TestSupport;
using NovaImage.Tests.ImageApi;
using NovaImage.Tests.V2;
using NovaImage.Transfers;
using NovaImage.V2;

namespace NovaImage.Tests.Download;

/// <summary>
/// Shared setup of the download tests: images uploaded to the real Glance (fs1 file store), a scratch directory for
/// destinations, the fs1 store's location metadata read from the state dir, and a downloader with the built-in file
/// adapter.
/// </summary>
public abstract class DownloadTestBase : GlanceV2TestBase, IDisposable
{
    /// <summary>Short pause between attempts, so retry tests stay fast (Nova's 1 s is the product default).</summary>
    protected static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>A directory of this test's own, deleted afterwards.</summary>
    protected string ScratchDir { get; } = Directory.CreateTempSubdirectory("novaimage-dl-").FullName;

    /// <summary>The fs1 store directory of the real Glance.</summary>
    protected static string StoreDir => Path.Combine(GlanceServer.StateDir, "images", "fs1");

    /// <summary>The fs1 store's location metadata id, as Glance's filesystem_store_metadata_file says.</summary>
    protected static string StoreId
    {
        get
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(GlanceServer.StateDir, "etc", "fs1-metadata.json")));
            return json.RootElement.GetProperty("id").GetString()!;
        }
    }

    /// <summary>Options allowing direct <c>file</c> downloads from fs1, mounted locally at <paramref name="mountpoint"/> (default: the store dir itself).</summary>
    protected static GlanceOptions DirectOptions(string? mountpoint = null, string? id = null, int numRetries = 3) => new()
    {
        ApiServers = [GlanceServer.Endpoint.ToString()],
        NumRetries = numRetries,
        AllowedDirectUrlSchemes = ["file"],
        Filesystems = [new ImageFileSystem { Name = "shared1", Id = id ?? StoreId, Mountpoint = mountpoint ?? StoreDir }],
    };

    /// <summary>
    /// The built-in client (<c>AddGlanceImageApi</c>) as the owner, through <paramref name="server"/> (default: Glance),
    /// allowing direct <c>file</c> downloads from fs1 mounted at <paramref name="mountpoint"/> (default: the store dir).
    /// </summary>
    protected static ImageApiHost Client(Uri? server = null, string? mountpoint = null, string? id = null, int numRetries = 3, bool direct = true) =>
        ImageApiHost.Create(o =>
        {
            o.ApiServers = [(server ?? GlanceServer.Endpoint).AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
            o.RetryDelay = RetryDelay;
            o.NumRetries = numRetries;
            if (!direct) return;
            var configured = DirectOptions(mountpoint, id);
            o.AllowedDirectUrlSchemes = configured.AllowedDirectUrlSchemes;
            o.Filesystems = configured.Filesystems;
        });

    /// <summary>
    /// A downloader of a client built from <paramref name="options"/> (with the built-in file adapter), fed records
    /// the test chose: the pipeline is checked against forged metadata a real Glance would not send.
    /// </summary>
    private protected static TestDownloader Downloader(GlanceOptions options) => new(options);

    /// <summary>
    /// The v2 data of <paramref name="imageId"/> through <paramref name="endpoint"/> (default: Glance itself), as the
    /// owner, with every request recorded by <paramref name="counter"/>.
    /// </summary>
    private protected static DataSource V2Source(string imageId, RequestCounter counter, Uri? endpoint = null) =>
        new(imageId, counter, endpoint ?? GlanceServer.Endpoint, source => source);

    /// <summary>Where a <see cref="TestDownloader"/> reads from, and how the test makes that source misbehave.</summary>
    private protected sealed record DataSource(string ImageId, RequestCounter Counter, Uri Endpoint, Func<HttpImageSource, HttpImageSource> Wrap);

    /// <summary>Runs the client core's download pipeline on a record and a source the test chose.</summary>
    private protected sealed class TestDownloader(GlanceOptions options)
    {
        public Task<DownloadResult> DownloadToFileAsync(Image image, DataSource source, string destination, DownloadOptions? download = null, CancellationToken cancellationToken = default) =>
            RunAsync(source, (core, http) => core.Downloader.DownloadToFileAsync(destination, http, _ => Task.FromResult(image), download, cancellationToken));

        public Task<DownloadResult> DownloadAsync(Image image, DataSource source, Stream destination, DownloadOptions? download = null, CancellationToken cancellationToken = default) =>
            RunAsync(source, (core, http) => core.Downloader.DownloadAsync(destination, http, _ => Task.FromResult(image), download, cancellationToken));

        private async Task<DownloadResult> RunAsync(DataSource source, Func<GlanceClientCore, HttpImageSource, Task<DownloadResult>> download)
        {
            options.ApiServers = [source.Endpoint.AbsoluteUri];
            options.Token = GlanceIdentity.ProjectA.Token;
            options.RetryDelay = RetryDelay;
            using var core = GlanceClientCore.Create(options, GlanceImageApi.DirectStoreAdapters, primaryHandler: source.Counter);
            return await download(core, source.Wrap(HttpImageSource.ForV2(source.ImageId)));
        }
    }

    /// <summary>A fresh request counter over the default socket handler.</summary>
    protected static RequestCounter NewCounter() => new(new SocketsHttpHandler { AllowAutoRedirect = false });

    /// <summary>Uploads <paramref name="data"/> as a new active image; returns it as the public model.</summary>
    protected async Task<Image> UploadAsync(byte[] data)
    {
        var image = await CreateActiveImageAsync("dl", data);
        return ToImage(image);
    }

    /// <summary>The public model of a v2 record: the fields a download is verified against and the locations.</summary>
    protected static Image ToImage(GlanceImage image) => new()
    {
        Id = image.Id,
        Size = image.Size,
        Checksum = image.Checksum,
        OsHashAlgo = image.OsHashAlgo,
        OsHashValue = image.OsHashValue,
        DirectUrl = image.DirectUrl,
        Locations = (image.Locations ?? [])
            .Select(l => new ImageLocation(l.Url, l.Metadata.ToDictionary(m => m.Key, m => m.Value.ToString())))
            .ToArray(),
    };

    /// <summary>The store file of <paramref name="image"/> in fs1.</summary>
    protected static string StoreFile(Image image) => Path.Combine(StoreDir, image.Id);

    /// <summary>A destination path in the scratch directory.</summary>
    protected string Destination(string name = "image.raw") => Path.Combine(ScratchDir, name);

    /// <summary>Files the pipeline left behind in the scratch directory as temporaries.</summary>
    protected string[] TempFiles() => Directory.GetFiles(ScratchDir, "*" + ImageDownloader.TempFileSuffix);

    /// <inheritdoc />
    public void Dispose()
    {
        Directory.Delete(ScratchDir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
