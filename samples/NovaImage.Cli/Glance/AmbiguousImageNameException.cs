namespace NovaImage.Cli.Glance;

/// <summary>An image was named by a name that several images have (a usage error: name it by id).</summary>
internal sealed class AmbiguousImageNameException(string name, IReadOnlyList<Image> candidates)
    : Exception($"{candidates.Count} images are named '{name}'; name one by its id:")
{
    /// <summary>The images with that name, each shown on its own line after the error.</summary>
    public IReadOnlyList<Image> Candidates { get; } = candidates;
}
