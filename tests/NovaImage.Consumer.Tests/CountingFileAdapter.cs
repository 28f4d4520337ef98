using NovaImage.DirectStore;

namespace NovaImage.Consumer.Tests;

/// <summary>
/// This project's adapter for <c>file</c> locations: it counts its uses and delegates to NovaImage's file adapter.
/// Declaring it registers it in <see cref="MyImages"/> at compile time (it takes the scheme over the built-in one).
/// </summary>
[DirectStore("file")]
public sealed class CountingFileAdapter : IDirectStoreAdapter
{
    private static int s_opened;

    /// <summary>How many locations this adapter served, process-wide.</summary>
    public static int Opened => Volatile.Read(ref s_opened);

    /// <inheritdoc />
    public async ValueTask<DirectStoreOpenResult> OpenAsync(ImageLocation location, DirectStoreContext context, CancellationToken cancellationToken)
    {
        var result = await new FileDirectStoreAdapter().OpenAsync(location, context, cancellationToken);
        if (result.Stream is not null) Interlocked.Increment(ref s_opened);
        return result;
    }
}
