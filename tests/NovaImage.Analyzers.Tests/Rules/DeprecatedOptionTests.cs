using Microsoft.CodeAnalysis.Testing;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.Analyzers.Rules;
using NovaImage.Analyzers.Tests.Infrastructure;
using NovaImage.CodeFixes;

namespace NovaImage.Analyzers.Tests.Rules;

/// <summary>NIMG0101: deprecated host/port/protocol in C#, and its ApiServers fix.</summary>
public sealed class DeprecatedOptionTests
{
    private static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new Verify<DeprecatedOptionAnalyzer>.CodeFixTest<DeprecatedOptionCodeFixProvider> { TestCode = source, FixedCode = fixedSource };
        return test.RunAsync();
    }

    [Fact]
    public async Task Reads_and_writes_of_each_deprecated_option_are_reported_with_the_replacement()
    {
        const string source = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                string? M(GlanceOptions o)
                {
                    o.{|#0:Port|} = 9292;
                    var p = {|#1:o.Protocol|};
                    return {|#2:o.Host|};
                }
            }
            """;
        // The reported node for `o.Port = ...` is the whole member access; markup marks only what is reported.
        await Verify<DeprecatedOptionAnalyzer>.AnalyzerAsync(
            source.Replace("o.{|#0:Port|}", "{|#0:o.Port|}"),
            Verify<DeprecatedOptionAnalyzer>.Diagnostic(DiagnosticIds.DeprecatedOptionInCode).WithLocation(0)
                .WithArguments("GlanceOptions.Port", "port", "GlanceOptions.ApiServers (api_servers)"),
            Verify<DeprecatedOptionAnalyzer>.Diagnostic(DiagnosticIds.DeprecatedOptionInCode).WithLocation(1)
                .WithArguments("GlanceOptions.Protocol", "protocol", "GlanceOptions.ApiServers (api_servers)"),
            Verify<DeprecatedOptionAnalyzer>.Diagnostic(DiagnosticIds.DeprecatedOptionInCode).WithLocation(2)
                .WithArguments("GlanceOptions.Host", "host", "GlanceOptions.ApiServers (api_servers)"));
    }

    [Fact]
    public async Task ApiServers_and_other_options_are_not_reported()
    {
        const string source = """
            using NovaImage;
            class C
            {
                GlanceOptions M() => new GlanceOptions { ApiServers = { "https://glance:9292" }, NumRetries = 2 };
                string N() => nameof(GlanceOptions.ApiServers);
            }
            """;
        await Verify<DeprecatedOptionAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Initializer_with_constants_becomes_one_ApiServers_entry()
    {
        const string source = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                GlanceOptions M() => new GlanceOptions
                {
                    [|Host|] = "glance.example",
                    NumRetries = 2,
                    [|Port|] = 9393,
                    [|Protocol|] = "https",
                };
            }
            """;
        const string fixedSource = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                GlanceOptions M() => new GlanceOptions
                {
                    ApiServers = { "https://glance.example:9393" },
                    NumRetries = 2,
                };
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Consecutive_statements_become_ApiServers_Add_with_Nova_defaults()
    {
        const string source = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                void M(GlanceOptions options)
                {
                    options.NumRetries = 1;
                    [|options.Host|] = "fd00::5";
                    [|options.Port|] = null;
                    options.Timeout = null;
                }
            }
            """;
        const string fixedSource = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                void M(GlanceOptions options)
                {
                    options.NumRetries = 1;
                    options.ApiServers.Add("http://[fd00::5]:9292");
                    options.Timeout = null;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Values_that_are_not_constant_go_into_an_interpolated_string()
    {
        const string source = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                GlanceOptions M(string host, bool tls) => new GlanceOptions { [|Host|] = host, [|Protocol|] = tls ? "https" : "http", [|Port|] = 9292 };
            }
            """;
        const string fixedSource = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                GlanceOptions M(string host, bool tls) => new GlanceOptions { ApiServers = { $"{(tls ? "https" : "http")}://{host}:9292" } };
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task When_ApiServers_is_also_set_the_ignored_options_are_removed()
    {
        const string source = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                GlanceOptions M() => new GlanceOptions { ApiServers = { "http://a:9292" }, [|Port|] = 1234 };
            }
            """;
        const string fixedSource = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                GlanceOptions M() => new GlanceOptions { ApiServers = { "http://a:9292" } };
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Reads_and_groups_without_a_host_get_no_fix()
    {
        const string source = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                int? M(GlanceOptions o)
                {
                    [|o.Protocol|] = "https";
                    return [|o.Port|];
                }
            }
            """;
        await VerifyFixAsync(source, source);
    }

    [Fact]
    public async Task Fix_all_rewrites_every_group_in_the_document()
    {
        const string source = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                GlanceOptions A() => new GlanceOptions { [|Host|] = "a", [|Port|] = 1 };
                GlanceOptions B() => new GlanceOptions { [|Host|] = "b", [|Protocol|] = "https" };
                void M(GlanceOptions o)
                {
                    [|o.Host|] = "c";
                }
            }
            """;
        const string fixedSource = """
            #pragma warning disable CS0618
            using NovaImage;
            class C
            {
                GlanceOptions A() => new GlanceOptions { ApiServers = { "http://a:1" } };
                GlanceOptions B() => new GlanceOptions { ApiServers = { "https://b:9292" } };
                void M(GlanceOptions o)
                {
                    o.ApiServers.Add("http://c:9292");
                }
            }
            """;
        var test = new Verify<DeprecatedOptionAnalyzer>.CodeFixTest<DeprecatedOptionCodeFixProvider>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Any_property_marked_deprecated_is_reported_but_only_the_host_port_protocol_triple_is_fixed()
    {
        const string source = """
            using NovaImage;
            class Settings
            {
                [DeprecatedGlanceOption("api_insecure", "insecure")]
                public bool ApiInsecure { get; set; }
                public bool Insecure { get; set; }
            }
            class C
            {
                Settings M() => new Settings { {|#0:ApiInsecure|} = true };
            }
            """;
        var test = new Verify<DeprecatedOptionAnalyzer>.CodeFixTest<DeprecatedOptionCodeFixProvider> { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(Verify<DeprecatedOptionAnalyzer>.Diagnostic(DiagnosticIds.DeprecatedOptionInCode).WithLocation(0)
            .WithArguments("Settings.ApiInsecure", "api_insecure", "Settings.Insecure (insecure)"));
        await test.RunAsync();
    }
}
