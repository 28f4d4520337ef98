using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>
/// <c>--api-version 1</c> against the faithful Glance v1 server (Glance removed v1 in Rocky, so no real one runs
/// here): the same commands work, and v2-only commands fail with one clear line.
/// </summary>
public sealed class V1CommandTests : IAsyncLifetime
{
    private readonly TempFiles _files = new();
    private V1Server _server = null!;

    public async Task InitializeAsync() => _server = await V1Server.StartAsync();

    [Fact]
    public async Task Create_upload_list_show_and_download_work_over_v1()
    {
        var data = _files.RandomFile("v1.img", 64_000);
        var created = await RunJsonAsync("image", "create", "--name", "v1-image", "--disk-format", "raw", "--container-format", "bare", "--file", data);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Equal(TempFiles.Md5(data), created.GetProperty("checksum").GetString());

        var list = await RunJsonAsync("image", "list");
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("id").GetString() == id);

        var destination = _files.PathOf("back.img");
        var download = await RunJsonAsync("image", "download", id, "--file", destination);
        Assert.Equal("http", download.GetProperty("path").GetString());
        Assert.Equal("md5", download.GetProperty("verified_algorithm").GetString());
        Assert.Equal(File.ReadAllBytes(data), File.ReadAllBytes(destination));
    }

    [Fact]
    public async Task Tags_are_v2_only_and_say_so_in_one_line()
    {
        var created = await RunJsonAsync("image", "create", "--name", "v1-untaggable", "--disk-format", "raw", "--container-format", "bare");
        var result = await RunAsync("image", "tag", "add", created.GetProperty("id").GetString()!, "gold");
        var error = NovaImageCli.AssertFailed(result, 1);
        Assert.Contains("v1", error, StringComparison.OrdinalIgnoreCase);
    }

    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["NOVAIMAGE_API_SERVERS"] = _server.Endpoint.AbsoluteUri,
            ["NOVAIMAGE_API_VERSION"] = "1",
            ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token,
        }, arguments);

    private async Task<JsonElement> RunJsonAsync(params string[] arguments)
    {
        var result = await RunAsync([.. arguments, "--json"]);
        NovaImageCli.AssertSucceeded(result);
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _files.Dispose();
    }
}
