using System.Reflection;

namespace NovaImage.Cli.Tests.Infrastructure;

/// <summary>Where the repository and this build's outputs are (baked in at build time).</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The build configuration of this test run (Debug or Release); the CLI was built with it too.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The framework-dependent CLI built next to these tests.</summary>
    public static string CliDll { get; } = Path.Combine(Root, "samples", "NovaImage.Cli", "bin", Configuration, "net10.0", "NovaImage.Cli.dll");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}
