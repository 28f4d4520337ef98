using Microsoft.CodeAnalysis.Testing;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.Analyzers.Rules;
using NovaImage.Analyzers.Tests.Infrastructure;
using NovaImage.CodeFixes;

namespace NovaImage.Analyzers.Tests.Rules;

/// <summary>NIMG0401 (allowed scheme without adapter, in code and files) and NIMG0402 (adapter without the interface).</summary>
public sealed class DirectStoreTests
{
    private const string RbdAdapter = """
        [NovaImage.DirectStore("rbd")]
        sealed class RbdAdapter : NovaImage.DirectStore.IDirectStoreAdapter
        {
            public System.Threading.Tasks.ValueTask<NovaImage.DirectStore.DirectStoreOpenResult> OpenAsync(
                NovaImage.ImageLocation location, NovaImage.DirectStore.DirectStoreContext context, System.Threading.CancellationToken cancellationToken) =>
                throw new System.NotSupportedException();
        }
        """;

    private static DiagnosticResult NoAdapter(int location, string scheme) =>
        Verify<DirectStoreAnalyzer>.Diagnostic(DiagnosticIds.DirectSchemeWithoutAdapter).WithLocation(location).WithArguments(scheme);

    [Fact]
    public async Task Schemes_allowed_in_code_without_an_adapter_are_reported_in_every_form()
    {
        const string source = """
            using NovaImage;
            class C
            {
                void M(GlanceOptions o)
                {
                    o.AllowedDirectUrlSchemes.Add({|#0:"rbd"|});
                    var a = new GlanceOptions { AllowedDirectUrlSchemes = { "file", {|#1:"swift"|} } };
                    var b = new GlanceOptions { AllowedDirectUrlSchemes = [{|#2:"s3"|}] };
                    o.AllowedDirectUrlSchemes = new[] { {|#3:"cinder"|} };
                    o.AllowedDirectUrlSchemes = new System.Collections.Generic.List<string> { {|#4:"http"|} };
                }
            }
            """;
        await Verify<DirectStoreAnalyzer>.AnalyzerAsync(source, NoAdapter(0, "rbd"), NoAdapter(1, "swift"), NoAdapter(2, "s3"), NoAdapter(3, "cinder"), NoAdapter(4, "http"));
    }

    /// <summary>The runtime file adapter serves <c>file</c> and <c>filesystem</c>, as Nova's <c>nova/image/download/file.py</c> <c>get_schemes()</c>.</summary>
    [Fact]
    public async Task The_runtime_file_adapter_and_adapters_in_the_compilation_count()
    {
        var source = """
            using NovaImage;
            class C
            {
                GlanceOptions M(string fromConfig) => new GlanceOptions { AllowedDirectUrlSchemes = { "file", "filesystem", "RBD", fromConfig } };
            }
            """ + RbdAdapter;
        await Verify<DirectStoreAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Schemes_allowed_in_config_files_are_checked_against_the_adapters()
    {
        var test = new Verify<DirectStoreAnalyzer>.AnalyzerTest { TestCode = RbdAdapter };
        test.TestState.AdditionalFiles.Add(("nova.conf", "[glance]\nallowed_direct_url_schemes = file, rbd, {|#0:swift|}\n"));
        test.TestState.AdditionalFiles.Add(("appsettings.json", "{ \"Glance\": { \"AllowedDirectUrlSchemes\": [ \"file\", {|#1:\"s3\"|} ] } }"));
        test.ExpectedDiagnostics.AddRange([NoAdapter(0, "swift"), NoAdapter(1, "s3")]);
        await test.RunAsync();
    }

    [Fact]
    public async Task An_adapter_class_that_does_not_implement_the_interface_is_an_error()
    {
        const string source = """
            [NovaImage.DirectStore("nfs")]
            sealed class {|#0:NfsAdapter|} { }
            """;
        await Verify<DirectStoreAnalyzer>.AnalyzerAsync(
            source,
            Verify<DirectStoreAnalyzer>.Diagnostic(DiagnosticIds.DirectStoreAdapterWithoutInterface).WithLocation(0).WithArguments("NfsAdapter", "nfs"));
    }

    [Fact]
    public async Task Fix_adds_the_interface_when_the_class_already_has_OpenAsync_and_fix_all_covers_the_document()
    {
        const string members = """
            {
                public ValueTask<DirectStoreOpenResult> OpenAsync(ImageLocation location, DirectStoreContext context, CancellationToken cancellationToken) =>
                    throw new System.NotSupportedException();
            }
            """;
        var source = """
            using System.Threading;
            using System.Threading.Tasks;
            using NovaImage;
            using NovaImage.DirectStore;
            [DirectStore("nfs")]
            sealed class {|#0:NfsAdapter|}
            """ + "\n" + members + """

            [DirectStore("smb")]
            sealed class {|#1:SmbAdapter|} : System.IDisposable
            """ + "\n" + members.Replace("{\n", "{\n    public void Dispose() { }\n");
        var fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using NovaImage;
            using NovaImage.DirectStore;
            [DirectStore("nfs")]
            sealed class NfsAdapter : IDirectStoreAdapter
            """ + "\n" + members + """

            [DirectStore("smb")]
            sealed class SmbAdapter : System.IDisposable, IDirectStoreAdapter
            """ + "\n" + members.Replace("{\n", "{\n    public void Dispose() { }\n");
        var test = new Verify<DirectStoreAnalyzer>.CodeFixTest<DirectStoreAdapterCodeFixProvider> { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(
        [
            Verify<DirectStoreAnalyzer>.Diagnostic(DiagnosticIds.DirectStoreAdapterWithoutInterface).WithLocation(0).WithArguments("NfsAdapter", "nfs"),
            Verify<DirectStoreAnalyzer>.Diagnostic(DiagnosticIds.DirectStoreAdapterWithoutInterface).WithLocation(1).WithArguments("SmbAdapter", "smb"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_when_the_class_lacks_the_interface_methods()
    {
        const string source = """
            [NovaImage.DirectStore("nfs")]
            sealed class {|#0:NfsAdapter|} { public void OpenAsync() { } }
            """;
        var test = new Verify<DirectStoreAnalyzer>.CodeFixTest<DirectStoreAdapterCodeFixProvider> { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(Verify<DirectStoreAnalyzer>.Diagnostic(DiagnosticIds.DirectStoreAdapterWithoutInterface).WithLocation(0).WithArguments("NfsAdapter", "nfs"));
        await test.RunAsync();
    }
}
