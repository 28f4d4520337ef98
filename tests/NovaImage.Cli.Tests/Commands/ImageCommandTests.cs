using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>The image lifecycle through the built CLI against the real Glance: create/upload, list, show, update, download, delete.</summary>
public sealed class ImageCommandTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _name = $"cli-{Guid.NewGuid():N}";

    [Fact]
    public async Task Versions_prints_a_table_and_json()
    {
        var table = await NovaImageCli.RunAsync("versions");
        NovaImageCli.AssertSucceeded(table);
        Assert.Contains("CURRENT", table.StandardOutput);

        var json = await NovaImageCli.JsonAsync("versions");
        Assert.Contains(json.EnumerateArray(), v => v.GetProperty("id").GetString()!.StartsWith("v2.", StringComparison.Ordinal)
            && v.GetProperty("status").GetString() == "CURRENT");
    }

    [Fact]
    public async Task Create_with_a_file_uploads_it_and_the_image_becomes_active()
    {
        var data = _files.RandomFile("data.img", 300_000);
        var image = await NovaImageCli.JsonAsync("image", "create", "--name", _name, "--disk-format", "raw", "--container-format", "bare",
            "--visibility", "private", "--min-ram", "64", "--tag", "cli", "--property", "os_distro=cirros", "--file", data);

        Assert.Equal(_name, image.GetProperty("name").GetString());
        Assert.Equal("active", image.GetProperty("status").GetString());
        Assert.Equal("private", image.GetProperty("visibility").GetString());
        Assert.Equal(300_000, image.GetProperty("size").GetInt64());
        Assert.Equal(TempFiles.Md5(data), image.GetProperty("checksum").GetString());
        Assert.Equal(TempFiles.Sha512(data), image.GetProperty("os_hash_value").GetString());
        Assert.Equal(64, image.GetProperty("min_ram").GetInt32());
        Assert.Equal(["cli"], image.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("cirros", image.GetProperty("os_distro").GetString()); // --json is Glance's flat document
    }

    [Fact]
    public async Task Create_then_upload_shows_the_image_as_a_table_for_people()
    {
        var created = await NovaImageCli.JsonAsync("image", "create", "--name", _name, "--disk-format", "raw", "--container-format", "bare");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("queued", created.GetProperty("status").GetString());

        var data = _files.RandomFile("data.img", 70_000);
        var upload = await NovaImageCli.RunAsync("image", "upload", id, data);
        NovaImageCli.AssertSucceeded(upload);
        Assert.Matches(@"│\s*status\s*│\s*active\s*│", upload.StandardOutput);
        Assert.Contains(TempFiles.Md5(data), upload.StandardOutput);
        // Not a terminal: no progress bar escape sequences anywhere.
        Assert.DoesNotContain("\u001b[", upload.StandardOutput + upload.StandardError);

        var show = await NovaImageCli.RunAsync("image", "show", id);
        NovaImageCli.AssertSucceeded(show);
        Assert.Contains(id, show.StandardOutput);
        Assert.Matches(@"│\s*size\s*│\s*70000\s*│", show.StandardOutput);
    }

    [Fact]
    public async Task On_a_terminal_uploads_and_downloads_show_a_progress_bar_on_stderr_and_stdout_keeps_the_result()
    {
        var data = _files.RandomFile("data.img", 2_000_000);
        var json = _files.PathOf("created.json");
        // util-linux `script` gives the CLI a pseudo-terminal; its stdout goes to a file, stderr stays on the terminal.
        var upload = await OnTerminalAsync($"image create --name {_name} --disk-format raw --container-format bare --file '{data}' --json > '{json}'");
        Assert.Contains("upload data.img", upload);
        Assert.Contains("100%", upload);
        using var created = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("active", created.RootElement.GetProperty("status").GetString());

        var id = created.RootElement.GetProperty("id").GetString()!;
        var download = await OnTerminalAsync($"image download {id} --file '{_files.PathOf("copy.img")}' --no-direct-store > '{_files.PathOf("download.txt")}'");
        Assert.Contains($"download {id}", download);
        Assert.Contains("100%", download);
        Assert.Contains("Verified sha512", File.ReadAllText(_files.PathOf("download.txt")));
    }

    /// <summary>Runs the CLI with a terminal as stdin and stderr; returns what the terminal showed.</summary>
    private async Task<string> OnTerminalAsync(string arguments)
    {
        var typescript = _files.PathOf($"terminal-{Guid.NewGuid():N}.txt");
        var result = await ProcessRunner.RunAsync("script", ["-qec", $"dotnet '{Repository.CliDll}' {arguments}", typescript],
            environment: new Dictionary<string, string?>
            {
                ["NOVAIMAGE_API_SERVERS"] = GlanceServer.Endpoint.AbsoluteUri,
                ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token,
                ["TERM"] = "xterm-256color",
            });
        Assert.True(result.ExitCode == 0, result.ToString());
        return File.ReadAllText(typescript);
    }

    [Fact]
    public async Task List_filters_by_name_and_tag_in_a_table_and_in_json()
    {
        var a = await CreateAsync(_name, "--tag", "blue");
        var b = await CreateAsync(_name, "--tag", "green");

        var both = await NovaImageCli.JsonAsync("image", "list", "--name", _name, "--sort", "created_at:asc");
        Assert.Equal([a, b], both.EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var blue = await NovaImageCli.JsonAsync("image", "list", "--name", _name, "--tag", "blue");
        Assert.Equal([a], blue.EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var limited = await NovaImageCli.JsonAsync("image", "list", "--name", _name, "--limit", "1", "--page-size", "1");
        Assert.Single(limited.EnumerateArray());

        // A key without a direction is descending, as Glance sorts; --marker starts after an image (Nova's detail(marker)).
        var newestFirst = await NovaImageCli.JsonAsync("image", "list", "--name", _name, "--sort", "created_at");
        Assert.Equal([b, a], newestFirst.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var afterA = await NovaImageCli.JsonAsync("image", "list", "--name", _name, "--sort", "created_at:asc", "--marker", a, "--limit", "5");
        Assert.Equal([b], afterA.EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var table = await NovaImageCli.RunAsync("image", "list", "--name", _name);
        NovaImageCli.AssertSucceeded(table);
        Assert.Contains(a, table.StandardOutput);
        Assert.Contains(b, table.StandardOutput);
        Assert.Contains("queued", table.StandardOutput);
    }

    [Fact]
    public async Task Update_changes_fields_and_properties()
    {
        var id = await CreateAsync(_name, "--property", "keep=1", "--property", "drop=2");
        var updated = await NovaImageCli.JsonAsync("image", "update", id, "--name", _name + "-renamed", "--min-disk", "2",
            "--protected", "true", "--property", "added=3", "--remove-property", "drop");
        Assert.Equal(_name + "-renamed", updated.GetProperty("name").GetString());
        Assert.Equal(2, updated.GetProperty("min_disk").GetInt32());
        Assert.True(updated.GetProperty("protected").GetBoolean());
        Assert.Equal("1", updated.GetProperty("keep").GetString());
        Assert.Equal("3", updated.GetProperty("added").GetString());
        Assert.False(updated.TryGetProperty("drop", out _));

        // A protected image cannot be deleted: Glance's 403 is "not authorized".
        NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "delete", id), 4);
        await NovaImageCli.JsonAsync("image", "update", id, "--protected", "false");
    }

    [Fact]
    public async Task Tags_are_added_and_removed()
    {
        var id = await CreateAsync(_name);
        var add = await NovaImageCli.RunAsync("image", "tag", "add", id, "gold");
        NovaImageCli.AssertSucceeded(add);
        Assert.Contains($"Added tag gold to image {id}", add.StandardOutput);
        Assert.Equal(["gold"], (await ShowAsync(id)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var remove = await NovaImageCli.JsonAsync("image", "tag", "remove", id, "gold");
        Assert.Equal("tag-remove", remove.GetProperty("action").GetString());
        Assert.Equal("gold", remove.GetProperty("detail").GetString());
        Assert.Empty((await ShowAsync(id)).GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task Download_over_http_reports_the_path_and_the_verified_hash()
    {
        var data = _files.RandomFile("data.img", 250_000);
        var id = await CreateAsync(_name, "--file", data);
        var destination = _files.PathOf("downloaded.img");

        var result = await NovaImageCli.RunAsync("image", "download", id, "--file", destination, "--no-direct-store");
        NovaImageCli.AssertSucceeded(result);
        Assert.Contains("via HTTP", result.StandardOutput);
        Assert.Contains($"Verified sha512: {TempFiles.Sha512(data)}", result.StandardOutput);
        Assert.Equal(File.ReadAllBytes(data), File.ReadAllBytes(destination));

        var json = await NovaImageCli.JsonAsync("image", "download", id, "--file", _files.PathOf("again.img"), "--no-direct-store");
        Assert.Equal("http", json.GetProperty("path").GetString());
        Assert.Equal(250_000, json.GetProperty("bytes").GetInt64());
        Assert.Equal("sha512", json.GetProperty("verified_algorithm").GetString());
        Assert.Equal(TempFiles.Sha512(data), json.GetProperty("verified_hash").GetString());
    }

    [Fact]
    public async Task Download_verifies_only_the_multihash_unless_the_md5_is_asked_for_too()
    {
        var data = _files.RandomFile("data.img", 150_000);
        var id = await CreateAsync(_name, "--file", data);

        var multihashOnly = await NovaImageCli.JsonAsync("image", "download", id, "--file", _files.PathOf("one.img"), "--no-direct-store");
        Assert.Equal(["sha512"], multihashOnly.GetProperty("verified_algorithms").EnumerateArray().Select(a => a.GetString()));

        var both = await NovaImageCli.RunAsync("image", "download", id, "--file", _files.PathOf("both.img"), "--no-direct-store", "--verify-md5");
        NovaImageCli.AssertSucceeded(both);
        Assert.Contains($"Verified sha512: {TempFiles.Sha512(data)} (and md5)", both.StandardOutput);
    }

    [Fact]
    public async Task Download_takes_its_parallelism_from_nova_conf_unless_parallel_is_given()
    {
        // A small image is one stream whatever the parallelism; the report says which setting decided first.
        var data = _files.RandomFile("data.img", 140_000);
        var id = await CreateAsync(_name, "--file", data);
        var config = _files.Write("nova.conf", $"""
            [glance]
            api_servers = {GlanceServer.Endpoint.AbsoluteUri}
            download_parallelism = 1
            """);
        var token = new Dictionary<string, string?> { ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token };

        var configured = await NovaImageCli.RunWithEnvironmentAsync(token, "--config", config, "image", "download", id, "--file", _files.PathOf("configured.img"), "--no-direct-store", "--json");
        var overridden = await NovaImageCli.RunWithEnvironmentAsync(token, "--config", config, "image", "download", id, "--file", _files.PathOf("overridden.img"), "--no-direct-store", "--json", "--parallel", "3");
        var unconfigured = await NovaImageCli.JsonAsync("image", "download", id, "--file", _files.PathOf("default.img"), "--no-direct-store");

        NovaImageCli.AssertSucceeded(configured);
        NovaImageCli.AssertSucceeded(overridden);
        Assert.Contains("one stream ([glance] download_parallelism is 1)", Reason(configured.StandardOutput));
        Assert.DoesNotContain("parallelism", Reason(overridden.StandardOutput), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("smaller than 256 MiB", Reason(overridden.StandardOutput));
        Assert.DoesNotContain("parallelism", unconfigured.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(File.ReadAllBytes(data), File.ReadAllBytes(_files.PathOf("configured.img")));

        var invalid = _files.Write("zero.conf", $"""
            [glance]
            api_servers = {GlanceServer.Endpoint.AbsoluteUri}
            download_parallelism = 0
            """);
        var refused = NovaImageCli.AssertFailed(await NovaImageCli.RunWithEnvironmentAsync(token, "--config", invalid, "image", "download", id, "--file", _files.PathOf("zero.img")), 2);
        Assert.Contains("[glance] download_parallelism: 0 is below 1", refused);

        static string Reason(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("reason").GetString()!;
        }
    }

    [Fact]
    public async Task Download_to_a_device_writes_it_in_place_and_leaves_it_a_device()
    {
        var data = _files.RandomFile("data.img", 120_000);
        var id = await CreateAsync(_name, "--file", data);
        var device = _files.PathOf("null");
        UnixFiles.MakeNullDevice(device); // a private /dev/null: the host's own is never put at risk

        var result = await NovaImageCli.RunAsync("image", "download", id, "--file", device, "--no-direct-store");

        NovaImageCli.AssertSucceeded(result);
        Assert.Contains($"Verified sha512: {TempFiles.Sha512(data)}", result.StandardOutput);
        Assert.Equal("character special file", UnixFiles.KindOf(device));
    }

    [Theory]
    [InlineData("a-directory", "it is a directory")]
    [InlineData("missing/copy.img", "does not exist")]
    public async Task Download_to_a_place_that_cannot_be_written_is_a_usage_error_before_anything_is_fetched(string name, string why)
    {
        Directory.CreateDirectory(_files.PathOf("a-directory"));
        var absent = Guid.NewGuid().ToString(); // Glance would answer 404 (exit 3) if it were asked at all

        var error = NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "download", absent, "--file", _files.PathOf(name)), 2);

        Assert.Contains($"Cannot write '{_files.PathOf(name)}': ", error);
        Assert.Contains(why, error);
    }

    [Fact]
    public async Task Download_via_the_direct_store_when_nova_conf_maps_the_file_store()
    {
        var data = _files.RandomFile("data.img", 180_000);
        var id = await CreateAsync(_name, "--file", data);
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(GlanceServer.StateDir, "etc", "fs1-metadata.json")));
        var config = _files.Write("nova.conf", $"""
            [glance]
            api_servers = {GlanceServer.Endpoint.AbsoluteUri}
            allowed_direct_url_schemes = file

            [image_file_url]
            filesystems = fs1

            [image_file_url:fs1]
            id = {metadata.RootElement.GetProperty("id").GetString()}
            mountpoint = {metadata.RootElement.GetProperty("mountpoint").GetString()}
            """);
        var destination = _files.PathOf("direct.img");

        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token },
            "--config", config, "image", "download", id, "--file", destination, "--json");
        NovaImageCli.AssertSucceeded(result);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("direct_store", json.RootElement.GetProperty("path").GetString());
        Assert.StartsWith("file://", json.RootElement.GetProperty("source_location").GetString());
        Assert.Equal(TempFiles.Sha512(data), json.RootElement.GetProperty("verified_hash").GetString());
        Assert.Equal(File.ReadAllBytes(data), File.ReadAllBytes(destination));

        var table = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token },
            "--config", config, "image", "download", id, "--file", _files.PathOf("direct2.img"));
        NovaImageCli.AssertSucceeded(table);
        Assert.Contains("via the direct store", table.StandardOutput);
    }

    [Fact]
    public async Task Delete_removes_the_image_and_show_then_exits_not_found_naming_it()
    {
        var id = await CreateAsync(_name);
        var delete = await NovaImageCli.RunAsync("image", "delete", id);
        NovaImageCli.AssertSucceeded(delete);
        Assert.Contains($"Deleted image {id}", delete.StandardOutput);

        var error = NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "show", id), 3);
        Assert.Contains(id, error);
        NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "download", id, "--file", _files.PathOf("gone.img")), 3);
        Assert.False(File.Exists(_files.PathOf("gone.img")));
    }

    [Fact]
    public async Task Command_line_servers_win_over_the_environment()
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(
            new Dictionary<string, string?> { ["NOVAIMAGE_API_SERVERS"] = "http://127.0.0.1:9", ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token },
            "--api-server", GlanceServer.Endpoint.AbsoluteUri, "versions", "--json");
        NovaImageCli.AssertSucceeded(result);
    }

    [Fact]
    public async Task The_token_option_wins_over_OS_AUTH_TOKEN_and_no_valid_token_is_not_authorized()
    {
        var id = await CreateAsync(_name);
        var environment = new Dictionary<string, string?>
        {
            ["NOVAIMAGE_API_SERVERS"] = GlanceServer.Endpoint.AbsoluteUri,
            ["OS_AUTH_TOKEN"] = "not-a-dev-token",
        };
        NovaImageCli.AssertFailed(await NovaImageCli.RunWithEnvironmentAsync(environment, "image", "show", id), 4);
        NovaImageCli.AssertSucceeded(await NovaImageCli.RunWithEnvironmentAsync(environment, "--token", GlanceIdentity.ProjectA.Token, "image", "show", id));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("2")]
    public async Task The_api_version_option_and_variable_select_v2_here(string version)
    {
        var id = await CreateAsync(_name, "--tag", "v2-only");
        var viaOption = await NovaImageCli.JsonAsync("--api-version", version, "image", "show", id);
        Assert.Equal(["v2-only"], viaOption.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var viaVariable = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["NOVAIMAGE_API_SERVERS"] = GlanceServer.Endpoint.AbsoluteUri,
            ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token,
            ["NOVAIMAGE_API_VERSION"] = version,
        }, "image", "show", id, "--json");
        NovaImageCli.AssertSucceeded(viaVariable);
    }

    [Fact]
    public async Task An_appsettings_json_config_supplies_servers_and_token()
    {
        var config = _files.Write("appsettings.json", $$"""
            { "Glance": { "ApiServers": [ "{{GlanceServer.Endpoint.AbsoluteUri}}" ], "Token": "{{GlanceIdentity.ProjectA.Token}}" } }
            """);
        var id = await CreateAsync(_name);
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), "--config", config, "image", "show", id, "--json");
        NovaImageCli.AssertSucceeded(result);
        Assert.Contains(id, result.StandardOutput);

        var viaVariable = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["NOVAIMAGE_CONFIG"] = config }, "image", "show", id, "--json");
        NovaImageCli.AssertSucceeded(viaVariable);
    }

    private static async Task<string> CreateAsync(string name, params string[] extra)
    {
        var image = await NovaImageCli.JsonAsync(["image", "create", "--name", name, "--disk-format", "raw", "--container-format", "bare", .. extra]);
        return image.GetProperty("id").GetString()!;
    }

    private static Task<JsonElement> ShowAsync(string id) => NovaImageCli.JsonAsync("image", "show", id);

    public void Dispose() => _files.Dispose();
}
