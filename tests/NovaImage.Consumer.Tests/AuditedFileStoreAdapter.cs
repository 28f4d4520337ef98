using System.Collections.Concurrent;
using NovaImage.DirectStore;

namespace NovaImage.Consumer.Tests;

/// <summary>
/// A consumer's own direct-store adapter for <c>file</c> locations: it keeps NovaImage's checks (it delegates to
/// <see cref="FileDirectStoreAdapter"/>) and records every location it opened, as an auditing deployment might.
/// Registered into <see cref="ConsumerImageApi"/> at compile time by its attribute; it takes the scheme over the
/// built-in adapter in this project's client only.
/// </summary>
[DirectStore("file")]
public sealed class AuditedFileStoreAdapter : IDirectStoreAdapter
{
    private readonly FileDirectStoreAdapter _files = new();

    /// <summary>Every location this adapter opened, by image id.</summary>
    public static ConcurrentDictionary<string, string> Opened { get; } = new();

    /// <inheritdoc />
    public async ValueTask<DirectStoreOpenResult> OpenAsync(ImageLocation location, DirectStoreContext context, CancellationToken cancellationToken)
    {
        var result = await _files.OpenAsync(location, context, cancellationToken);
        if (result.Stream is null) return result;
        Opened[context.Image.Id] = location.Url;
        return DirectStoreOpenResult.Opened(result.Stream, "audited " + result.Description);
    }
}
