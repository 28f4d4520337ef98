using System.ComponentModel;
using NovaImage.DirectStore;

namespace NovaImage.Core;

/// <summary>
/// Implemented by the generator on every <c>[GlanceImageApi] partial class</c>: lets dependency injection build the
/// client, over a core of its own, without reflection.
/// </summary>
/// <typeparam name="TSelf">The generated client.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGeneratedImageApi<TSelf> where TSelf : IGeneratedImageApi<TSelf>
{
    /// <summary>The direct-store adapters registered at compile time (the client's compilation's and NovaImage's), by URL scheme.</summary>
    static abstract IReadOnlyDictionary<string, Func<IDirectStoreAdapter>> DirectStoreAdapters { get; }

    /// <summary>Creates the client over <paramref name="core"/>.</summary>
    static abstract TSelf Create(GlanceClientCore core);
}
