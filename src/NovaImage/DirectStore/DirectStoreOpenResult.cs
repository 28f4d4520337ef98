namespace NovaImage.DirectStore;

/// <summary>Outcome of <see cref="IDirectStoreAdapter.OpenAsync"/>: a readable stream, or why not.</summary>
public sealed class DirectStoreOpenResult
{
    private DirectStoreOpenResult(Stream? stream, string description) => (Stream, Description) = (stream, description);

    /// <summary>The data, when the adapter can serve the location.</summary>
    public Stream? Stream { get; }
    /// <summary>For a success, what was opened (e.g. the local path); for a refusal, why.</summary>
    public string Description { get; }

    /// <summary>The adapter serves this location from <paramref name="stream"/>.</summary>
    public static DirectStoreOpenResult Opened(Stream stream, string description) => new(stream, description);
    /// <summary>The adapter cannot serve this location.</summary>
    public static DirectStoreOpenResult Refused(string reason) => new(null, reason);
}
