using Microsoft.Extensions.Logging;
using NovaImage.DirectStore;
using NovaImage.Runtime;
using NovaImage.Transfers;

namespace NovaImage.Translation;

/// <summary>The download pipeline of a generated client, with that client's compile-time adapter registry.</summary>
internal static class ImageDownloads
{
    public static ImageDownloader Downloader(GlanceTransport transport, IReadOnlyDictionary<string, Func<IDirectStoreAdapter>> adapters) =>
        new(transport.Options,
            adapters.ToDictionary(a => a.Key, a => a.Value(), StringComparer.OrdinalIgnoreCase),
            transport.LoggerFactory.CreateLogger<ImageDownloader>(),
            transport.Options.RetryDelay);
}
