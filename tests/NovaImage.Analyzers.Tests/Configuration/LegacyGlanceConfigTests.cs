using NovaImage;

namespace NovaImage.Analyzers.Tests.Configuration;

/// <summary>The shared nova.conf / appsettings scanner and rewriter (the runtime's public copy; the analyzer links the same file).</summary>
public sealed class LegacyGlanceConfigTests
{
    private const string NovaConf = """
        [DEFAULT]
        host = compute-1

        [glance]
        # where Glance listens
        host = glance.example
        port = 9393
        protocol = https
        num_retries = 3
        api_version = 1
        allowed_direct_url_schemes = file, rbd

        [image_file_url]
        filesystems = shared1
        """;

    [Fact]
    public void Find_reports_glance_keys_only_with_positions()
    {
        var findings = LegacyGlanceConfig.Find(NovaConf, LegacyGlanceConfigKind.NovaConf);

        Assert.Equal(
            [
                "DeprecatedOption host glance.example 5:0-5:21",
                "DeprecatedOption port 9393 6:0-6:11",
                "DeprecatedOption protocol https 7:0-7:16",
                "V1ApiVersion api_version 1 9:0-9:15",
                "DirectUrlScheme allowed_direct_url_schemes file 10:29-10:33",
                "DirectUrlScheme allowed_direct_url_schemes rbd 10:35-10:38",
            ],
            findings.Select(f => $"{f.Issue} {f.Option} {f.Value} {f.StartLine}:{f.StartColumn}-{f.EndLine}:{f.EndColumn}"));
        var host = findings[0];
        Assert.Equal("host = glance.example", NovaConf.Substring(host.Start, host.Length));
    }

    [Fact]
    public void Migrate_nova_conf_replaces_the_triple_in_place_and_keeps_comments_and_other_keys()
    {
        var migrated = LegacyGlanceConfig.Migrate(NovaConf, LegacyGlanceConfigKind.NovaConf);

        Assert.Equal("""
            [DEFAULT]
            host = compute-1

            [glance]
            # where Glance listens
            api_servers = https://glance.example:9393
            num_retries = 3
            api_version = 1
            allowed_direct_url_schemes = file, rbd

            [image_file_url]
            filesystems = shared1
            """, migrated);
        Assert.DoesNotContain(LegacyGlanceConfig.Find(migrated, LegacyGlanceConfigKind.NovaConf), f => f.Issue == LegacyGlanceConfigIssue.DeprecatedOption);
    }

    [Fact]
    public void Migrate_nova_conf_uses_Nova_defaults_and_brackets_IPv6()
    {
        var migrated = LegacyGlanceConfig.Migrate("[glance]\r\nhost = fd00::5\r\n", LegacyGlanceConfigKind.NovaConf);

        Assert.Equal("[glance]\r\napi_servers = http://[fd00::5]:9292\r\n", migrated);
    }

    [Fact]
    public void Migrate_drops_the_triple_when_api_servers_is_already_set()
    {
        var text = "[glance]\napi_servers = http://a:9292\nport = 1234\n";

        Assert.Equal("[glance]\napi_servers = http://a:9292\n", LegacyGlanceConfig.Migrate(text, LegacyGlanceConfigKind.NovaConf));
    }

    [Fact]
    public void Migrate_leaves_the_file_alone_without_a_host()
    {
        var text = "[glance]\nport = 1234\n";

        Assert.Same(text, LegacyGlanceConfig.Migrate(text, LegacyGlanceConfigKind.NovaConf));
        Assert.Single(LegacyGlanceConfig.Find(text, LegacyGlanceConfigKind.NovaConf));
    }

    private const string AppSettings = """
        {
          // Glance client
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Glance": {
            "Host": "glance.example",
            "NumRetries": 2, /* keep */
            "Port": 9393,
            "ApiVersion": "V1",
            "AllowedDirectUrlSchemes": [ "file", "rbd" ],
            "Protocol": "https"
          },
        }
        """;

    [Fact]
    public void Find_reads_the_Glance_section_of_appsettings_with_comments_and_trailing_commas()
    {
        var findings = LegacyGlanceConfig.Find(AppSettings, LegacyGlanceConfigKind.AppSettingsJson);

        Assert.Equal(
            [
                "DeprecatedOption host glance.example 4:4-4:28",
                "DeprecatedOption port 9393 6:4-6:16",
                "V1ApiVersion api_version V1 7:4-7:22",
                "DirectUrlScheme allowed_direct_url_schemes file 8:33-8:39",
                "DirectUrlScheme allowed_direct_url_schemes rbd 8:41-8:46",
                "DeprecatedOption protocol https 9:4-9:23",
            ],
            findings.Select(f => $"{f.Issue} {f.Option} {f.Value} {f.StartLine}:{f.StartColumn}-{f.EndLine}:{f.EndColumn}"));
    }

    [Fact]
    public void Migrate_appsettings_rewrites_in_place_and_fixes_the_trailing_comma()
    {
        var migrated = LegacyGlanceConfig.Migrate(AppSettings, LegacyGlanceConfigKind.AppSettingsJson);

        Assert.Equal("""
            {
              // Glance client
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Glance": {
                "ApiServers": [ "https://glance.example:9393" ],
                "NumRetries": 2, /* keep */
                "ApiVersion": "V1",
                "AllowedDirectUrlSchemes": [ "file", "rbd" ]
              },
            }
            """, migrated);
    }

    [Fact]
    public void Unreadable_json_yields_no_findings()
    {
        Assert.Empty(LegacyGlanceConfig.Find("{ \"Glance\": { \"Host\": ", LegacyGlanceConfigKind.AppSettingsJson));
    }

    [Theory]
    [InlineData("/etc/nova/nova.conf", LegacyGlanceConfigKind.NovaConf)]
    [InlineData(@"C:\cfg\glance.ini", LegacyGlanceConfigKind.NovaConf)]
    [InlineData("appsettings.Production.json", LegacyGlanceConfigKind.AppSettingsJson)]
    [InlineData("settings.json", null)]
    public void KindFromPath_recognises_the_two_formats(string path, LegacyGlanceConfigKind? expected)
    {
        Assert.Equal(expected, LegacyGlanceConfig.KindFromPath(path));
    }

    [Fact]
    public void Removing_the_last_line_takes_the_break_before_it()
    {
        Assert.Equal("[glance]\napi_servers = http://h:9292", LegacyGlanceConfig.Migrate("[glance]\nhost = h\nport = 9292", LegacyGlanceConfigKind.NovaConf));
    }
}
