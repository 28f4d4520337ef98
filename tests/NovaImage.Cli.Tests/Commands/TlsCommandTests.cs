using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>The CLI against the real Glance behind a TLS frontend (stunnel) whose CA only nova.conf's <c>cafile</c> names.</summary>
public sealed class TlsCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task A_nova_conf_cafile_lets_image_list_through_and_without_it_the_error_says_the_certificate_was_not_trusted()
    {
        await using var tls = await TlsFrontend.StartAsync(GlanceServer.Endpoint);
        var token = new Dictionary<string, string?> { ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token };
        var trusting = _files.Write("nova.conf", $"""
            [glance]
            api_servers = {tls.Endpoint.AbsoluteUri}
            cafile = {tls.CaFile}
            """);
        var plain = _files.Write("plain.conf", $"""
            [glance]
            api_servers = {tls.Endpoint.AbsoluteUri}
            num_retries = 2
            """);

        NovaImageCli.AssertSucceeded(await NovaImageCli.RunWithEnvironmentAsync(token, "--config", trusting, "image", "list", "--json"));

        var error = NovaImageCli.AssertFailed(await NovaImageCli.RunWithEnvironmentAsync(token, "--config", plain, "image", "list"), 6);
        Assert.Contains("certificate was not trusted", error);
        Assert.Contains("cafile", error);
    }

    public void Dispose() => _files.Dispose();
}
