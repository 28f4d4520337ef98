using static NovaImage.ConfigFiles.Tests.ConfigSamples;

namespace NovaImage.ConfigFiles.Tests;

/// <summary>How <see cref="ConfigMigration"/> rewrites host/port/protocol to api_servers, keeping the rest of the file.</summary>
public sealed class ConfigMigrationTests
{
    [Fact]
    public void Migrate_nova_conf_replaces_the_triple_in_place_and_keeps_comments_and_other_keys()
    {
        var migrated = ConfigMigration.Migrate(NovaConf, ConfigFileKind.NovaConf);

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
        Assert.DoesNotContain(ConfigScanner.Find(migrated, ConfigFileKind.NovaConf), f => f.Issue == ConfigIssue.DeprecatedOption);
    }

    [Fact]
    public void Migrate_nova_conf_uses_Nova_defaults_and_brackets_IPv6()
    {
        var migrated = ConfigMigration.Migrate("[glance]\r\nhost = fd00::5\r\n", ConfigFileKind.NovaConf);

        Assert.Equal("[glance]\r\napi_servers = http://[fd00::5]:9292\r\n", migrated);
    }

    [Fact]
    public void Migrate_drops_the_triple_when_api_servers_is_already_set()
    {
        var text = "[glance]\napi_servers = http://a:9292\nport = 1234\n";

        Assert.Equal("[glance]\napi_servers = http://a:9292\n", ConfigMigration.Migrate(text, ConfigFileKind.NovaConf));
    }

    [Fact]
    public void Migrate_leaves_the_file_alone_without_a_host()
    {
        var text = "[glance]\nport = 1234\n";

        Assert.Same(text, ConfigMigration.Migrate(text, ConfigFileKind.NovaConf));
        Assert.Single(ConfigScanner.Find(text, ConfigFileKind.NovaConf));
    }

    [Fact]
    public void Migrate_appsettings_rewrites_in_place_and_fixes_the_trailing_comma()
    {
        var migrated = ConfigMigration.Migrate(AppSettings, ConfigFileKind.AppSettingsJson);

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
    public void Removing_the_last_line_takes_the_break_before_it()
    {
        Assert.Equal("[glance]\napi_servers = http://h:9292", ConfigMigration.Migrate("[glance]\nhost = h\nport = 9292", ConfigFileKind.NovaConf));
    }
}
