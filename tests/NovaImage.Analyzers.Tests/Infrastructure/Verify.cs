using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace NovaImage.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer and code-fix tests against the hermetic references (see <see cref="TestReferences"/>).</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static AnalyzerTest Analyzer(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => Analyzer(source, expected).RunAsync();

    public sealed class AnalyzerTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = TestReferences.Net100;
            MarkupOptions = MarkupOptions.UseFirstDescriptor; // [|...|] means the analyzer's first rule
            TestReferences.Apply(TestState);
        }
    }

    public sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public CodeFixTest()
        {
            ReferenceAssemblies = TestReferences.Net100;
            MarkupOptions = MarkupOptions.UseFirstDescriptor; // [|...|] means the analyzer's first rule
            TestReferences.Apply(TestState);
            TestReferences.Apply(FixedState);
        }
    }
}
