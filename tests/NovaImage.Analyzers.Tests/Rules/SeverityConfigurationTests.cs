using Microsoft.CodeAnalysis;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.Analyzers.Rules;
using NovaImage.Analyzers.Tests.Infrastructure;

namespace NovaImage.Analyzers.Tests.Rules;

/// <summary>Severity control through .editorconfig / .globalconfig and #pragma, for code and config-file rules.</summary>
public sealed class SeverityConfigurationTests
{
    private const string HostWrite = """
        using NovaImage;
        class C
        {
        #pragma warning disable CS0618
            void M(GlanceOptions o) => {|#0:o.Host|} = "glance";
        }
        """;

    [Fact]
    public async Task Editorconfig_can_turn_a_code_rule_off()
    {
        var test = Verify<DeprecatedOptionAnalyzer>.Analyzer(HostWrite.Replace("{|#0:o.Host|}", "o.Host"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.NIMG0101.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Pragma_suppresses_a_code_rule()
    {
        await Verify<DeprecatedOptionAnalyzer>.AnalyzerAsync(HostWrite.Replace("{|#0:o.Host|}", "o.Host").Replace("#pragma warning disable CS0618", "#pragma warning disable CS0618, NIMG0101"));
    }

    // Raising severities (warning → error) is proven by the real compiler in LegacySampleBuildTests; the testing
    // library reports analyzer diagnostics at their descriptor severity.
    // .editorconfig sections match source files only, so they never reach a location in nova.conf: a
    // .globalconfig is the way (docs/diagnostics say so).
    [Fact]
    public async Task Globalconfig_turns_a_config_file_rule_off()
    {
        const string path = "/.globalconfig", header = "is_global = true\n";
        var test = new Verify<ConfigFileAnalyzer>.AnalyzerTest { TestCode = "class C { NovaImage.GlanceOptions O = new(); }" };
        test.TestState.AdditionalFiles.Add(("nova.conf", "[glance]\nhost = glance\n{|#0:api_version = 1|}\n"));
        test.TestState.AnalyzerConfigFiles.Add((path, header + "dotnet_diagnostic.NIMG0201.severity = none\n"));
        test.ExpectedDiagnostics.Add(Verify<ConfigFileAnalyzer>.Diagnostic(DiagnosticIds.V1SelectedInConfigFile).WithLocation(0).WithArguments("api_version"));
        await test.RunAsync();
    }
}
