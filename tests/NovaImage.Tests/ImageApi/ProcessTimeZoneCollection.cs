namespace NovaImage.Tests.ImageApi;

/// <summary>
/// Tests that change the process's local time zone (<c>TZ</c>). xunit runs this collection after the parallel ones,
/// alone, so no other test sees the changed zone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTimeZoneCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Process time zone";
}
