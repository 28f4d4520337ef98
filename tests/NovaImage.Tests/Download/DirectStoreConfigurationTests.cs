using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NovaImage.Core;
using NovaImage.Transfers;

namespace NovaImage.Tests.Download;

/// <summary>What the downloader reports about the direct-store configuration when it is built.</summary>
public sealed class DirectStoreConfigurationTests
{
    [Fact]
    public void AnAllowedSchemeWithoutAnAdapterIsReportedAtStart()
    {
        using var logs = new FakeLoggerProvider();
        using var core = Core(["file", "RBD"], logs);

        Assert.Equal(["rbd"], core.Downloader.UnservedSchemes);
        var warning = Assert.Single(logs.Collector.GetSnapshot(), r => r.Category == typeof(ImageDownloader).FullName);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("'rbd'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemesWithAdaptersAreNotReported()
    {
        using var logs = new FakeLoggerProvider();
        using var core = Core(["FILE"], logs);

        Assert.Empty(core.Downloader.UnservedSchemes);
        Assert.DoesNotContain(logs.Collector.GetSnapshot(), r => r.Category == typeof(ImageDownloader).FullName);
    }

    // The built-in client's adapters (the file adapter), as a registered client would have them.
    private static GlanceClientCore Core(IList<string> schemes, FakeLoggerProvider logs) =>
        GlanceClientCore.Create(new GlanceOptions { ApiServers = ["http://127.0.0.1:9"], AllowedDirectUrlSchemes = schemes },
            GlanceImageApi.DirectStoreAdapters, LoggerFactory.Create(b => b.AddProvider(logs)));
}
