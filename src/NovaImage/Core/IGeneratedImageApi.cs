using System.ComponentModel;

namespace NovaImage.Core;

/// <summary>
/// Implemented by the generator on every <c>[GlanceImageApi] partial class</c>: lets dependency injection build
/// the client without reflection.
/// </summary>
/// <typeparam name="TSelf">The generated client.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGeneratedImageApi<TSelf> where TSelf : IGeneratedImageApi<TSelf>
{
    /// <summary>Creates the client over <paramref name="transport"/>.</summary>
    static abstract TSelf Create(GlanceTransport transport);
}
