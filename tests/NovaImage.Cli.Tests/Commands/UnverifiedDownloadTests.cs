using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>
/// An image without checksum and multihash, registered by location on the v1 test server (the real Glance hashes
/// every upload, so it has no such image): only its size can be checked. Before, `image download` wrote it, exited 0
/// and printed "Verified: size only".
/// </summary>
public sealed class UnverifiedDownloadTests : IAsyncLifetime
{
    private readonly TempFiles _files = new();
    private V1Server _server = null!;
    private ExternalHttpSource _source = null!;

    public async Task InitializeAsync()
    {
        _server = await V1Server.StartAsync();
        _source = await ExternalHttpSource.StartAsync();
    }

    [Fact]
    public async Task Without_a_hash_the_download_exits_8_and_writes_nothing_unless_allow_unverified_is_given()
    {
        var data = System.Security.Cryptography.RandomNumberGenerator.GetBytes(40_000);
        var id = await _server.CreateByLocationAsync(GlanceIdentity.ProjectA, _source.Publish("unhashed.raw", data), "cli-unhashed");
        var downloads = Directory.CreateDirectory(_files.PathOf("downloads")).FullName;
        var destination = Path.Combine(downloads, "image.raw");

        var refused = await RunAsync("image", "download", id, "--file", destination);
        var error = NovaImageCli.AssertFailed(refused, 8);
        Assert.Contains(id, error, StringComparison.Ordinal);
        Assert.Contains("no checksum", error, StringComparison.Ordinal);
        Assert.Contains("--allow-unverified", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(downloads));

        var allowed = await RunAsync("image", "download", id, "--file", destination, "--allow-unverified");
        NovaImageCli.AssertSucceeded(allowed);
        Assert.Contains("Not verified: only its size was checked", allowed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified", allowed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"novaimage: warning: image {id} has no checksum or hash: its data was NOT verified", allowed.StandardError, StringComparison.Ordinal);
        Assert.Equal(data, File.ReadAllBytes(destination));

        var json = await RunAsync("image", "download", id, "--file", _files.PathOf("again.raw"), "--allow-unverified", "--json");
        NovaImageCli.AssertSucceeded(json);
        using var result = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal("size_only", result.RootElement.GetProperty("verification").GetString());
        Assert.Equal(JsonValueKind.Null, result.RootElement.GetProperty("verified_hash").ValueKind);
        Assert.Contains("novaimage: warning:", json.StandardError, StringComparison.Ordinal); // also for scripts, on stderr
    }

    [Fact]
    public async Task A_hashed_image_downloads_without_the_option_and_says_what_was_verified()
    {
        var data = _files.RandomFile("hashed.img", 30_000);
        var created = await RunAsync("image", "create", "--name", "cli-hashed", "--disk-format", "raw", "--container-format", "bare", "--file", data, "--json");
        NovaImageCli.AssertSucceeded(created);
        using var image = JsonDocument.Parse(created.StandardOutput);
        var id = image.RootElement.GetProperty("id").GetString()!;

        var json = await RunAsync("image", "download", id, "--file", _files.PathOf("back.img"), "--json");
        NovaImageCli.AssertSucceeded(json);
        using var result = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal("md5", result.RootElement.GetProperty("verification").GetString()); // v1: the md5 checksum is its only hash
        Assert.Equal("", json.StandardError);
    }

    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["NOVAIMAGE_API_SERVERS"] = _server.Endpoint.AbsoluteUri,
            ["NOVAIMAGE_API_VERSION"] = "1",
            ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token,
        }, arguments);

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _server.DisposeAsync();
        _files.Dispose();
    }
}
