using Microsoft.CodeAnalysis.Testing;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.Analyzers.Rules;
using NovaImage.Analyzers.Tests.Infrastructure;
using NovaImage.CodeFixes;

namespace NovaImage.Analyzers.Tests.Rules;

/// <summary>NIMG0201 and NIMG0303 in nova.conf / appsettings additional files, and the file rewrite.</summary>
public sealed class ConfigFileTests
{
    private const string UsesRuntime = "class C { NovaImage.GlanceOptions O = new(); }";

    private static DiagnosticResult Deprecated(int location, string key, string instead) =>
        Verify<ConfigFileAnalyzer>.Diagnostic(DiagnosticIds.DeprecatedOptionInConfigFile).WithLocation(location).WithArguments(key, instead);

    private static Verify<ConfigFileAnalyzer>.AnalyzerTest Test(params (string Path, string Text)[] files)
    {
        var test = new Verify<ConfigFileAnalyzer>.AnalyzerTest { TestCode = UsesRuntime };
        foreach (var file in files) test.TestState.AdditionalFiles.Add(file);
        return test;
    }

    [Fact]
    public async Task Nova_conf_host_port_protocol_are_reported_on_their_lines_with_the_api_servers_line()
    {
        var test = Test(("/etc/nova/nova.conf", """
            [DEFAULT]
            host = compute-1
            [glance]
            {|#0:host = glance.example|}
            {|#1:port = 9393|}
            # protocol = http
            {|#2:protocol = https|}
            {|#3:api_version = 1|}
            """));
        test.ExpectedDiagnostics.AddRange(
        [
            Deprecated(0, "host", "api_servers = https://glance.example:9393"),
            Deprecated(1, "port", "api_servers = https://glance.example:9393"),
            Deprecated(2, "protocol", "api_servers = https://glance.example:9393"),
            Verify<ConfigFileAnalyzer>.Diagnostic(DiagnosticIds.V1SelectedInConfigFile).WithLocation(3).WithArguments("api_version"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task Appsettings_Glance_section_is_reported_including_v1_selection()
    {
        var test = Test(("appsettings.Development.json", """
            {
              "Glance": {
                {|#0:"Host": "glance.example"|},
                {|#1:"ApiVersion": "1"|}
              }
            }
            """));
        test.ExpectedDiagnostics.AddRange(
        [
            Deprecated(0, "Host", "\"ApiServers\": [ \"http://glance.example:9292\" ]"),
            Verify<ConfigFileAnalyzer>.Diagnostic(DiagnosticIds.V1SelectedInConfigFile).WithLocation(1).WithArguments("ApiVersion"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task Current_options_other_sections_and_other_files_are_not_reported()
    {
        var test = Test(
            ("nova.conf", "[DEFAULT]\nhost = compute-1\n[glance]\napi_servers = https://glance:9292\napi_version = 2\n"),
            ("appsettings.json", "{ \"Glance\": { \"ApiServers\": [ \"https://glance:9292\" ], \"ApiVersion\": \"V2\" }, \"Host\": \"x\" }"),
            ("settings.json", "{ \"Glance\": { \"Host\": \"glance\" } }"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Config_files_are_ignored_when_the_project_does_not_reference_NovaImage()
    {
        var test = new Verify<ConfigFileAnalyzer>.AnalyzerTest { TestCode = "class C { }" };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AdditionalFiles.Add(("nova.conf", "[glance]\nhost = glance\n"));
        await test.RunAsync();
    }

    // Microsoft.CodeAnalysis.Testing only applies fixes to diagnostics in source documents, so the file fix runs
    // through ConfigFileFixHarness: a real workspace, the analyzer's diagnostics, the provider's actions applied.
    [Fact]
    public async Task Fix_rewrites_nova_conf_to_api_servers_keeping_comments_and_other_keys()
    {
        var harness = await ConfigFileFixHarness.CreateAsync(("/etc/nova/nova.conf", """
            [glance]
            # Glance endpoint
            host = 10.0.0.5
            num_retries = 3
            port = 9292
            """));
        Assert.Equal(2, harness.Diagnostics.Length);

        var fixedProject = await harness.FixOneAsync(harness.Diagnostics[1]);

        Assert.Equal("""
            [glance]
            # Glance endpoint
            api_servers = http://10.0.0.5:9292
            num_retries = 3
            """, await ConfigFileFixHarness.TextOfAsync(fixedProject, "/etc/nova/nova.conf"));
        Assert.Empty(await ConfigFileFixHarness.DiagnosticsAsync(fixedProject));
    }

    [Fact]
    public async Task Fix_all_rewrites_every_config_file_in_the_project()
    {
        var harness = await ConfigFileFixHarness.CreateAsync(
            ("nova.conf", "[glance]\nhost = a\n"),
            ("appsettings.json", """
                {
                  "Glance": {
                    "Protocol": "https",
                    "Host": "b"
                  }
                }
                """));
        Assert.Equal(3, harness.Diagnostics.Length);

        var fixedProject = await harness.FixAllAsync();

        Assert.Equal("[glance]\napi_servers = http://a:9292\n", await ConfigFileFixHarness.TextOfAsync(fixedProject, "nova.conf"));
        Assert.Equal("""
            {
              "Glance": {
                "ApiServers": [ "https://b:9292" ]
              }
            }
            """, await ConfigFileFixHarness.TextOfAsync(fixedProject, "appsettings.json"));
        Assert.Empty(await ConfigFileFixHarness.DiagnosticsAsync(fixedProject));
    }

    [Fact]
    public async Task No_fix_when_the_host_is_missing()
    {
        var harness = await ConfigFileFixHarness.CreateAsync(("nova.conf", "[glance]\nport = 9393\n"));

        Assert.Empty(await harness.ActionsAsync(Assert.Single(harness.Diagnostics)));
    }
}
