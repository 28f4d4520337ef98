using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Commands;

/// <summary><c>config check</c> and <c>config migrate</c> on legacy nova.conf and appsettings.json files.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private const string LegacyNovaConf = """
        [DEFAULT]
        debug = true

        [glance]
        # Glance endpoint (pre-Newton style)
        host = glance.example.org
        port = 9393
        protocol = https
        num_retries = 2

        [neutron]
        url = http://neutron:9696
        """;

    private const string LegacyAppSettings = """
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Glance": {
            "Host": "glance.example.org",
            "Port": 9393,
            "NumRetries": 2
          }
        }
        """;

    private readonly TempFiles _files = new();
    private static readonly Dictionary<string, string?> NoEnvironment = new();

    [Fact]
    public async Task Check_reports_each_deprecated_option_with_its_position_and_exits_7()
    {
        var path = _files.Write("nova.conf", LegacyNovaConf);
        var result = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "check", path);
        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Contains($"{path}:6:1: warning: [glance] host is deprecated", result.StandardOutput);
        Assert.Contains($"{path}:7:1: warning: [glance] port is deprecated", result.StandardOutput);
        Assert.Contains($"{path}:8:1: warning: [glance] protocol is deprecated", result.StandardOutput);
        Assert.Contains("3 deprecated Glance option(s)", result.StandardOutput);
        Assert.Contains("config migrate", result.StandardOutput);
    }

    [Fact]
    public async Task Check_json_lists_the_findings()
    {
        var path = _files.Write("appsettings.json", LegacyAppSettings);
        var result = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "check", path, "--json");
        Assert.True(result.ExitCode == 7, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("appsettings.json", json.RootElement.GetProperty("format").GetString());
        Assert.True(json.RootElement.GetProperty("migration_available").GetBoolean());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.Equal(["host", "port"], findings.Select(f => f.GetProperty("option").GetString()));
        Assert.Equal(["Host", "Port"], findings.Select(f => f.GetProperty("key").GetString()));
        Assert.All(findings, f => Assert.Equal("warning", f.GetProperty("severity").GetString()));
        Assert.Equal(4, findings[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Check_on_a_current_file_is_clean_and_exits_0()
    {
        var path = _files.Write("nova.conf", "[glance]\napi_servers = https://glance.example.org:9393\n");
        var result = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "check", path);
        NovaImageCli.AssertSucceeded(result);
        Assert.Contains("no deprecated Glance options", result.StandardOutput);
    }

    [Fact]
    public async Task Migrate_prints_the_rewritten_nova_conf_and_leaves_the_file_alone()
    {
        var path = _files.Write("nova.conf", LegacyNovaConf);
        var result = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "migrate", path);
        NovaImageCli.AssertSucceeded(result);
        Assert.Contains("api_servers = https://glance.example.org:9393", result.StandardOutput);
        Assert.DoesNotContain("host =", result.StandardOutput);
        Assert.Contains("# Glance endpoint (pre-Newton style)", result.StandardOutput);
        Assert.Contains("url = http://neutron:9696", result.StandardOutput);
        Assert.Equal(LegacyNovaConf, File.ReadAllText(path));
    }

    [Fact]
    public async Task Migrate_in_place_rewrites_appsettings_so_that_check_is_then_clean()
    {
        var path = _files.Write("appsettings.json", LegacyAppSettings);
        var result = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "migrate", path, "--in-place");
        NovaImageCli.AssertSucceeded(result);
        Assert.Equal("", result.StandardOutput);

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var glance = json.RootElement.GetProperty("Glance");
        Assert.Equal(["http://glance.example.org:9393"], glance.GetProperty("ApiServers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, glance.GetProperty("NumRetries").GetInt32());
        Assert.False(glance.TryGetProperty("Host", out _));
        Assert.Equal([path], Directory.GetFileSystemEntries(_files.Directory)); // no temporary file left beside it

        var check = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "check", path);
        NovaImageCli.AssertSucceeded(check);
    }

    [Fact]
    public async Task Migrate_in_place_through_a_symlink_rewrites_its_target_keeping_owner_group_and_mode()
    {
        var etc = Directory.CreateDirectory(_files.PathOf("etc-nova")).FullName;
        var target = Path.Combine(etc, "nova.conf");
        File.WriteAllText(target, LegacyNovaConf);
        UnixFiles.Give(target, "nobody:nogroup", "640"); // as root:nova 0640 is on a compute host
        var link = _files.PathOf("nova.conf");
        File.CreateSymbolicLink(link, Path.Combine("etc-nova", "nova.conf"));

        var result = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "migrate", link, "--in-place");

        NovaImageCli.AssertSucceeded(result);
        Assert.Equal("symbolic link", UnixFiles.KindOf(link));
        Assert.Contains("api_servers = https://glance.example.org:9393", File.ReadAllText(target));
        Assert.Equal("nobody:nogroup 640", UnixFiles.OwnerGroupMode(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(etc));
    }

    [Fact]
    public async Task Migrate_without_a_host_is_a_usage_error_and_changes_nothing()
    {
        var path = _files.Write("nova.conf", "[glance]\nport = 9393\n");
        var result = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "migrate", path, "--in-place");
        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains("no host", error);
        Assert.Equal("[glance]\nport = 9393\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task Check_on_a_missing_file_is_a_usage_error()
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(NoEnvironment, "config", "check", _files.PathOf("absent.conf"));
        NovaImageCli.AssertFailed(result, 2);
    }

    public void Dispose() => _files.Dispose();
}
