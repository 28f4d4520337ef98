namespace NovaImage.Analyzers.Tests.Infrastructure;

/// <summary>The repository checkout the tests run from (the folder holding NovaImage.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NovaImage.sln"))) return directory.FullName;
        throw new InvalidOperationException($"NovaImage.sln not found above {AppContext.BaseDirectory}");
    }

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
