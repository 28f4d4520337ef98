using Microsoft.Extensions.Logging;
using NovaImage.Tests.ImageApi;
using NovaImage.TestSupport;

namespace NovaImage.Tests.Hostile;

/// <summary>
/// The real Glance behind a TLS-terminating proxy whose certificate is signed by a CA made for the test: verification
/// is on by default, <c>cafile</c> trusts that CA, <c>insecure</c> turns verification off and says so in the log.
/// </summary>
public sealed class TlsTests
{
    private static readonly string Transport = typeof(NovaImage.Core.GlanceClientCore).FullName!;

    [Fact]
    public async Task A_certificate_from_an_unknown_CA_fails_at_once_with_an_error_saying_it_was_not_trusted()
    {
        await using var tls = await TlsFrontend.StartAsync(GlanceServer.Endpoint);
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [tls.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
            o.NumRetries = 3;
            o.RetryDelay = TimeSpan.Zero;
        });

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.ListImagesAsync().ToListAsync().AsTask());

        Assert.Contains("certificate was not trusted", error.Message);
        Assert.Contains("cafile", error.Message);
        Assert.Equal(tls.Endpoint, error.Context.Server);
        // An untrusted certificate is not a passing fault: one attempt, no retries.
        Assert.Equal(1, host.Requests.To(tls.Endpoint));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Category == Transport && r.Id.Id == 1);
    }

    [Fact]
    public async Task With_cafile_naming_the_CA_every_call_goes_through_the_TLS_frontend()
    {
        await using var tls = await TlsFrontend.StartAsync(GlanceServer.Endpoint);
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [tls.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
            o.CaFile = tls.CaFile;
        });
        var data = "through TLS"u8.ToArray();

        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "tls-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            await host.Api.UploadAsync(image.Id, new MemoryStream(data));
            using var copy = new MemoryStream();
            await host.Api.DownloadAsync(image.Id, copy);
            Assert.Equal(data, copy.ToArray());
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }
        Assert.Equal(host.Requests.All.Count, host.Requests.To(tls.Endpoint));
    }

    [Fact]
    public async Task Insecure_reaches_the_untrusted_server_and_logs_a_warning_naming_it()
    {
        await using var tls = await TlsFrontend.StartAsync(GlanceServer.Endpoint);
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [tls.Endpoint.AbsoluteUri];
            o.Token = GlanceIdentity.ProjectA.Token;
            o.Insecure = true;
        });

        Assert.NotNull(await host.Api.ListImagesAsync().ToListAsync());
        Assert.Equal(host.Requests.All.Count, host.Requests.To(tls.Endpoint));

        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Category == Transport && r.Id.Id == 10);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(tls.Endpoint.AbsoluteUri, warning.Message);
        Assert.Contains("insecure", warning.Message);
    }
}
