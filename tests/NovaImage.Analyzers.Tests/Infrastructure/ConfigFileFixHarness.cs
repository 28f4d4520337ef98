using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NovaImage.Analyzers.Rules;
using NovaImage.CodeFixes;

namespace NovaImage.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="ConfigFileAnalyzer"/> and <see cref="ConfigFileCodeFixProvider"/> on additional documents of a real
/// workspace project (what the IDE does), since the testing library only fixes diagnostics in source documents.
/// </summary>
internal sealed class ConfigFileFixHarness
{
    private static readonly ConfigFileCodeFixProvider Provider = new();

    private ConfigFileFixHarness(Project project, ImmutableArray<Diagnostic> diagnostics)
    {
        Project = project;
        Diagnostics = diagnostics;
    }

    public Project Project { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public static async Task<ConfigFileFixHarness> CreateAsync(params (string Path, string Text)[] files)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            metadataReferences: TestReferences.All));
        project = project.AddDocument("C.cs", "class C { NovaImage.GlanceOptions O = new(); }").Project;
        foreach (var (path, text) in files)
            project = project.AddAdditionalDocument(System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path).Project;
        return new ConfigFileFixHarness(project, await DiagnosticsAsync(project));
    }

    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException("no compilation");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation
            .WithAnalyzers([new ConfigFileAnalyzer()], project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => Provider.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.GetLineSpan().Path).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    public static async Task<string> TextOfAsync(Project project, string path) =>
        (await project.AdditionalDocuments.Single(d => d.FilePath == path).GetTextAsync()).ToString();

    public async Task<ImmutableArray<CodeAction>> ActionsAsync(Diagnostic diagnostic)
    {
        var document = Project.AdditionalDocuments.Single(d => d.FilePath == diagnostic.Location.GetLineSpan().Path);
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        await Provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions.ToImmutable();
    }

    public async Task<Project> FixOneAsync(Diagnostic diagnostic) =>
        await ApplyAsync(Assert.Single(await ActionsAsync(diagnostic)));

    public async Task<Project> FixAllAsync()
    {
        var first = Assert.Single(await ActionsAsync(Diagnostics[0]));
        var context = new FixAllContext(
            Project.Documents.Single(), Provider, FixAllScope.Project, first.EquivalenceKey, Provider.FixableDiagnosticIds, new Provided(Diagnostics), CancellationToken.None);
        var fixAll = await Provider.GetFixAllProvider()!.GetFixAsync(context) ?? throw new InvalidOperationException("no fix-all action");
        return await ApplyAsync(fixAll);
    }

    private async Task<Project> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(Project.Id)!;
    }

    private sealed class Provided(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
