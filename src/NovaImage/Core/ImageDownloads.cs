using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NovaImage.DirectStore;
using NovaImage.Core;
using NovaImage.Transfers;

namespace NovaImage.Core;

/// <summary>The download pipeline of a generated client, with that client's compile-time adapter registry.</summary>
internal static class ImageDownloads
{
    // One downloader per (client transport, adapter registry): built on the first download and reused, so its
    // start-up report (allowed schemes without an adapter) is logged once per client, not on every download.
    private static readonly ConditionalWeakTable<GlanceTransport, ConditionalWeakTable<IReadOnlyDictionary<string, Func<IDirectStoreAdapter>>, ImageDownloader>> Downloaders = new();

    public static ImageDownloader Downloader(GlanceTransport transport, IReadOnlyDictionary<string, Func<IDirectStoreAdapter>> adapters) =>
        Downloaders.GetOrCreateValue(transport).GetValue(adapters, registry =>
            new ImageDownloader(transport.Options,
                registry.ToDictionary(a => a.Key, a => a.Value(), StringComparer.OrdinalIgnoreCase),
                transport.LoggerFactory.CreateLogger<ImageDownloader>(),
                transport.Options.RetryDelay));
}
