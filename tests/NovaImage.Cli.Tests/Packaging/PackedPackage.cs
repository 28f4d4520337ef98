using System.IO.Compression;
using System.Xml.Linq;
using NovaImage.Cli.Tests.Infrastructure;

namespace NovaImage.Cli.Tests.Packaging;

/// <summary>
/// Packs src/NovaImage once per test run into artifacts/local-feed (the folder the consumer sample's
/// nuget.config reads) and exposes the package's entries and nuspec.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public static string Feed { get; } = Repository.PathOf("artifacts", "local-feed");

    public string Path { get; private set; } = "";
    public IReadOnlyList<string> Entries { get; private set; } = [];
    public XDocument Nuspec { get; private set; } = new();

    public async Task InitializeAsync()
    {
        if (Directory.Exists(Feed)) Directory.Delete(Feed, recursive: true);
        var pack = await ProcessRunner.DotnetAsync("pack", Repository.PathOf("src", "NovaImage", "NovaImage.csproj"),
            "-c", Repository.Configuration, "-o", Feed, "-nologo");
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed\n{pack}");

        Path = Directory.GetFiles(Feed, "NovaImage.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(Path);
        Entries = zip.Entries.Select(e => e.FullName).ToArray();
        using var nuspec = zip.GetEntry("NovaImage.nuspec")!.Open();
        Nuspec = XDocument.Load(nuspec);
    }

    public string ReadEntry(string name)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var reader = new StreamReader(zip.GetEntry(name)?.Open() ?? throw new FileNotFoundException(name));
        return reader.ReadToEnd();
    }

    /// <summary>The value of a nuspec metadata element (namespace-agnostic).</summary>
    public XElement? Metadata(string name) =>
        Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name);

    public Task DisposeAsync() => Task.CompletedTask;
}
