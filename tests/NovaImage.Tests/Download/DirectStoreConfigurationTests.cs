using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NovaImage.DirectStore;
using NovaImage.Transfers;

namespace NovaImage.Tests.Download;

/// <summary>What the downloader reports about the direct-store configuration when it is built.</summary>
public sealed class DirectStoreConfigurationTests
{
    [Fact]
    public void AnAllowedSchemeWithoutAnAdapterIsReportedAtStart()
    {
        var logger = new FakeLogger<ImageDownloader>();
        var options = new GlanceOptions { AllowedDirectUrlSchemes = ["file", "RBD", " "] };

        var downloader = new ImageDownloader(options, new Dictionary<string, IDirectStoreAdapter> { ["file"] = new FileDirectStoreAdapter() }, logger);

        Assert.Equal(["rbd"], downloader.UnservedSchemes);
        var warning = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("'rbd'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemesWithAdaptersAreNotReported()
    {
        var logger = new FakeLogger<ImageDownloader>();

        var downloader = new ImageDownloader(new GlanceOptions { AllowedDirectUrlSchemes = ["FILE"] },
            new Dictionary<string, IDirectStoreAdapter> { ["file"] = new FileDirectStoreAdapter() }, logger);

        Assert.Empty(downloader.UnservedSchemes);
        Assert.Empty(logger.Collector.GetSnapshot());
    }
}
