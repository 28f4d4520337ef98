namespace NovaImage.Cli.Tests.Packaging;

/// <summary>
/// Tests that run <c>dotnet pack/build/publish</c> share this collection so they never build the same
/// projects at the same time (the machine has two cores; parallel builds would also race on outputs).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DotnetBuildsCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "dotnet builds";
}
