using static NovaImage.ConfigFiles.Tests.ConfigSamples;

namespace NovaImage.ConfigFiles.Tests;

/// <summary>What <see cref="ConfigScanner"/> finds in nova.conf and appsettings files, and where.</summary>
public sealed class ConfigScannerTests
{
    [Fact]
    public void Find_reports_glance_keys_only_with_positions()
    {
        var findings = ConfigScanner.Find(NovaConf, ConfigFileKind.NovaConf);

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
    public void Find_reads_the_Glance_section_of_appsettings_with_comments_and_trailing_commas()
    {
        var findings = ConfigScanner.Find(AppSettings, ConfigFileKind.AppSettingsJson);

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
    public void Unreadable_json_yields_no_findings()
    {
        Assert.Empty(ConfigScanner.Find("{ \"Glance\": { \"Host\": ", ConfigFileKind.AppSettingsJson));
    }

    // the kinds travel by name: a public test method cannot take the internal enum
    [Theory]
    [InlineData("/etc/nova/nova.conf", nameof(ConfigFileKind.NovaConf))]
    [InlineData(@"C:\cfg\glance.ini", nameof(ConfigFileKind.NovaConf))]
    [InlineData("appsettings.Production.json", nameof(ConfigFileKind.AppSettingsJson))]
    [InlineData("settings.json", null)]
    public void KindFromPath_recognises_the_two_formats(string path, string? expected)
    {
        Assert.Equal(expected, ConfigScanner.KindFromPath(path)?.ToString());
    }
}
