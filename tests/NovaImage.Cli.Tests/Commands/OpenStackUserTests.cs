using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>
/// What <c>glance</c> and <c>openstack image</c> users type every day, against the real Glance: download to stdout,
/// images named by name, several images per delete, <c>-f</c>/<c>-c</c>, Glance's own document with <c>--json</c>,
/// required options, and what a failed <c>create --file</c> leaves behind.
/// </summary>
public sealed class OpenStackUserTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _name = $"cli-osc-{Guid.NewGuid():N}";

    [Fact]
    public async Task Download_without_a_file_pipes_the_verified_data_to_stdout_byte_for_byte_and_reports_on_stderr()
    {
        var data = _files.RandomFile("data.img", 300_000);
        var id = await CreateAsync(_name, "--file", data);
        var piped = _files.PathOf("piped.img");

        // A real pipe (stdout is not a terminal), once without --file and once with --file -.
        foreach (var file in new[] { "", "--file -" })
        {
            var result = await ProcessRunner.RunAsync("bash", ["-c", $"set -o pipefail; dotnet '{Repository.CliDll}' image download {id} {file} | cat > '{piped}'"],
                environment: Environment());
            NovaImageCli.AssertSucceeded(result);
            Assert.Equal(File.ReadAllBytes(data), File.ReadAllBytes(piped));
            Assert.Contains($"Verified sha512: {TempFiles.Sha512(data)}", result.StandardError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Download_to_stdout_that_fails_verification_exits_5_and_says_the_bytes_written_are_not_the_image()
    {
        var data = _files.RandomFile("data.img", 200_000);
        var id = await CreateAsync(_name, "--file", data);
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.FlipImageDataByte(150_000));
        var piped = _files.PathOf("piped.img");

        var result = await ProcessRunner.RunAsync("bash", ["-c", $"set -o pipefail; dotnet '{Repository.CliDll}' image download {id} | cat > '{piped}'"],
            environment: Environment(proxy.Endpoint));

        var error = NovaImageCli.AssertFailed(result, 5);
        Assert.Contains("the bytes already written to stdout are NOT the verified image: discard them", error, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput); // nothing but the data ever goes to stdout
    }

    [Fact]
    public async Task Download_to_stdout_on_a_terminal_is_refused_as_a_usage_error()
    {
        var id = await CreateAsync(_name, "--file", _files.RandomFile("data.img", 1000));
        var typescript = _files.PathOf("terminal.txt");

        // util-linux `script` gives the CLI a pseudo-terminal as stdout.
        var result = await ProcessRunner.RunAsync("script", ["-qec", $"dotnet '{Repository.CliDll}' image download {id}", typescript], environment: Environment());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refusing to write image data to a terminal", File.ReadAllText(typescript), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_is_named_by_a_unique_name_and_an_ambiguous_name_is_a_usage_error_listing_the_candidates()
    {
        var data = _files.RandomFile("data.img", 50_000);
        var first = await CreateAsync(_name, "--file", data);

        var show = await NovaImageCli.JsonAsync("image", "show", _name);
        Assert.Equal(first, show.GetProperty("id").GetString());
        var destination = _files.PathOf("by-name.img");
        NovaImageCli.AssertSucceeded(await NovaImageCli.RunAsync("image", "download", _name, "--file", destination));
        Assert.Equal(File.ReadAllBytes(data), File.ReadAllBytes(destination));
        NovaImageCli.AssertSucceeded(await NovaImageCli.RunAsync("image", "tag", "add", _name, "by-name"));
        Assert.Equal(["by-name"], (await NovaImageCli.JsonAsync("image", "show", first)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var second = await CreateAsync(_name);
        var ambiguous = await NovaImageCli.RunAsync("image", "show", _name);
        var error = NovaImageCli.AssertFailed(ambiguous, 2);
        Assert.Contains($"2 images are named '{_name}'", error, StringComparison.Ordinal);
        Assert.Contains($"  {first}  name={_name}  status=active  owner={GlanceIdentity.ProjectA.ProjectId}", ambiguous.StandardError, StringComparison.Ordinal);
        Assert.Contains($"  {second}  name={_name}  status=queued  owner={GlanceIdentity.ProjectA.ProjectId}", ambiguous.StandardError, StringComparison.Ordinal);
        Assert.Equal("", ambiguous.StandardOutput);

        // An id always names its own image, whatever the names; a name nobody has is not found.
        Assert.Equal(second, (await NovaImageCli.JsonAsync("image", "show", second)).GetProperty("id").GetString());
        NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "show", _name + "-nobody"), 3);
        // Another project does not see these private images by name either.
        NovaImageCli.AssertFailed(await NovaImageCli.RunAsync(GlanceIdentity.ProjectB, "image", "show", _name), 3);
    }

    [Fact]
    public async Task Delete_takes_several_images_goes_on_past_a_bad_one_and_exits_naming_it()
    {
        var a = await CreateAsync(_name);
        var b = await CreateAsync(_name + "-b");
        var bogus = Guid.NewGuid().ToString();

        var result = await NovaImageCli.RunAsync("image", "delete", a, bogus, _name + "-b");

        Assert.Equal(3, result.ExitCode); // every failure was "not found"
        Assert.Contains($"Deleted image {a}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Deleted image {b} ({_name}-b)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"novaimage: error: failed to delete image '{bogus}': ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"novaimage: error: failed to delete 1 of 3 images: {bogus}", result.StandardError, StringComparison.Ordinal);
        NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "show", a), 3);
        NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "show", b), 3);
    }

    [Fact]
    public async Task Format_value_json_and_yaml_with_chosen_columns_as_openstack_prints_them()
    {
        var id = await CreateAsync(_name, "--property", "os_distro=cirros", "--tag", "t1", "--tag", "t2");

        var value = await NovaImageCli.RunAsync("image", "show", id, "-f", "value", "-c", "id", "-c", "name");
        NovaImageCli.AssertSucceeded(value);
        Assert.Equal($"{id}\n{_name}\n", value.StandardOutput);

        var rows = await NovaImageCli.RunAsync("image", "list", "--name", _name, "-f", "value", "-c", "id", "-c", "name");
        NovaImageCli.AssertSucceeded(rows);
        Assert.Equal($"{id} {_name}\n", rows.StandardOutput);

        var json = await NovaImageCli.RunAsync("image", "show", id, "-f", "json", "-c", "name", "-c", "tags", "-c", "properties");
        NovaImageCli.AssertSucceeded(json);
        var shown = JsonNode.Parse(json.StandardOutput)!.AsObject();
        Assert.Equal(["name", "properties", "tags"], shown.Select(p => p.Key));
        Assert.Equal("cirros", (string?)shown["properties"]!["os_distro"]);
        Assert.Equal(["t1", "t2"], shown["tags"]!.AsArray().Select(t => (string?)t).Order());

        var list = JsonNode.Parse((await NovaImageCli.RunAsync("image", "list", "--name", _name, "-f", "json")).StandardOutput)!.AsArray();
        Assert.Equal(id, (string?)Assert.Single(list)!["ID"]);

        var yaml = await NovaImageCli.RunAsync("image", "show", id, "-f", "yaml", "-c", "name", "-c", "properties", "-c", "min_ram");
        NovaImageCli.AssertSucceeded(yaml);
        Assert.Equal($"min_ram: 0\nname: \"{_name}\"\nproperties:\n  os_distro: \"cirros\"\n", yaml.StandardOutput);

        var unknown = NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "show", id, "-c", "colour"), 2);
        Assert.Contains("no column 'colour'", unknown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("value")]
    [InlineData("yaml")]
    public async Task A_hostile_name_cannot_drive_the_terminal_in_any_format(string format)
    {
        const string hostile = "evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202Eexe";
        var name = $"{hostile}-{Guid.NewGuid():N}";
        var id = await CreateAsync(name, "--property", $"note={hostile}");

        var result = await NovaImageCli.RunAsync("image", "show", id, "-f", format);

        NovaImageCli.AssertSucceeded(result);
        var raw = result.StandardOutput.Where(c => (char.IsControl(c) && c is not '\n' and not '\r') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069').ToArray();
        Assert.True(raw.Length == 0, $"raw control characters in:\n{result.StandardOutput}");
        Assert.Contains(@"evil\x1B]0;pwned\x07\x1B[2J\x9B31m\u202Eexe", result.StandardOutput, StringComparison.Ordinal); // escapes, YAML's too
    }

    [Fact]
    public async Task Json_is_glances_own_image_document_and_show_has_direct_url_locations_and_file()
    {
        var id = await CreateAsync(_name, "--file", _files.RandomFile("data.img", 10_000), "--property", "hw_disk_bus=virtio");

        var printed = JsonNode.Parse((await NovaImageCli.RunAsync("image", "show", id, "--json")).StandardOutput);
        using var http = new HttpClient { BaseAddress = GlanceServer.Endpoint };
        http.DefaultRequestHeaders.Add("X-Auth-Token", GlanceIdentity.ProjectA.Token);
        var glance = JsonNode.Parse(await http.GetStringAsync($"v2/images/{id}"));
        Assert.True(JsonNode.DeepEquals(glance, printed), $"Glance:\n{glance}\nnovaimage --json:\n{printed}");
        Assert.Equal("virtio", (string?)printed!["hw_disk_bus"]); // flat, as Glance has it

        var listed = JsonNode.Parse((await NovaImageCli.RunAsync("image", "list", "--name", _name, "--json")).StandardOutput)!.AsArray();
        Assert.True(JsonNode.DeepEquals(glance, Assert.Single(listed)));

        var table = await NovaImageCli.RunAsync("image", "show", id);
        NovaImageCli.AssertSucceeded(table);
        Assert.Matches($@"│\s*file\s*│\s*/v2/images/{id}/file\s*│", table.StandardOutput);
        Assert.Matches(@"│\s*direct_url\s*│\s*file://", table.StandardOutput);
        Assert.Matches(@"│\s*locations\s*│\s*\{url='file://", table.StandardOutput);
    }

    [Theory]
    [InlineData("image", "create", "--disk-format", "raw")]
    [InlineData("image", "delete")]
    [InlineData("image", "import", "some-id")]
    [InlineData("image", "show", "x", "-f", "xml")]
    [InlineData("image", "show", "x", "--json", "-f", "json")]
    public async Task Missing_required_options_and_bad_formats_are_usage_errors_before_any_request(params string[] arguments)
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), arguments);

        NovaImageCli.AssertFailed(result, 2);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task A_create_whose_upload_fails_deletes_the_image_it_created_as_openstack_does()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (request, _) =>
            request.Method == "PUT" && request.Path.Value!.EndsWith("/file", StringComparison.Ordinal) ? new ProxyFault(0, Stall: false, Status: 500) : null);

        var result = await NovaImageCli.RunWithEnvironmentAsync(Environment(proxy.Endpoint),
            "image", "create", "--name", _name, "--disk-format", "raw", "--container-format", "bare", "--file", _files.RandomFile("data.img", 20_000));

        // Glance's 500 is not retried: the upload fails at once (exit 1, "Glance refused the request").
        var error = NovaImageCli.AssertFailed(result, 1);
        Assert.Matches("image [0-9a-f-]{36}, created for this upload, was deleted", error);
        Assert.Empty((await NovaImageCli.JsonAsync("image", "list", "--name", _name)).EnumerateArray());
    }

    [Fact]
    public async Task A_create_whose_upload_gets_a_503_after_the_whole_file_was_sent_sends_it_again_and_the_image_is_active_with_its_hash()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (request, index) =>
            request.Method == "PUT" && request.Path.Value!.EndsWith("/file", StringComparison.Ordinal) && index == 0
                ? new ProxyFault(0, Stall: false, Status: 503, ReadBody: true)
                : null);
        var data = _files.RandomFile("data.img", 2_000_000);

        var result = await NovaImageCli.RunWithEnvironmentAsync(Environment(proxy.Endpoint),
            "image", "create", "--name", _name, "--disk-format", "raw", "--container-format", "bare", "--file", data);

        NovaImageCli.AssertSucceeded(result);
        var puts = proxy.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal([503, 204], puts.Select(r => r.Status));
        Assert.Equal(2_000_000, puts[0].RequestBodyBytes);
        var image = Assert.Single((await NovaImageCli.JsonAsync("image", "list", "--name", _name)).EnumerateArray());
        Assert.Equal("active", image.GetProperty("status").GetString());
        Assert.Equal(TempFiles.Sha512(data), image.GetProperty("os_hash_value").GetString());
        NovaImageCli.AssertSucceeded(await NovaImageCli.RunAsync("image", "delete", image.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task A_create_whose_upload_and_cleanup_fail_says_a_queued_image_was_left_and_how_to_delete_it()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, (request, _) =>
            request.Method is "PUT" or "DELETE" ? new ProxyFault(0, Stall: false, Status: 500) : null);

        var result = await NovaImageCli.RunWithEnvironmentAsync(Environment(proxy.Endpoint),
            "image", "create", "--name", _name, "--disk-format", "raw", "--container-format", "bare", "--file", _files.RandomFile("data.img", 20_000));

        var error = NovaImageCli.AssertFailed(result, 1);
        var left = Assert.Single((await NovaImageCli.JsonAsync("image", "list", "--name", _name)).EnumerateArray());
        var id = left.GetProperty("id").GetString()!;
        Assert.Equal("queued", left.GetProperty("status").GetString());
        Assert.Contains($"a queued image is left; delete it with 'novaimage image delete {id}'", error, StringComparison.Ordinal);
        NovaImageCli.AssertSucceeded(await NovaImageCli.RunAsync("image", "delete", id)); // the command it gave works
    }

    private static Dictionary<string, string?> Environment(Uri? glance = null) => new()
    {
        ["NOVAIMAGE_API_SERVERS"] = (glance ?? GlanceServer.Endpoint).AbsoluteUri,
        ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token,
    };

    private static async Task<string> CreateAsync(string name, params string[] extra)
    {
        var image = await NovaImageCli.JsonAsync(["image", "create", "--name", name, "--disk-format", "raw", "--container-format", "bare", .. extra]);
        return image.GetProperty("id").GetString()!;
    }

    public void Dispose() => _files.Dispose();
}
