using System.Collections.Concurrent;

namespace NovaImage.Core;

/// <summary>
/// What each endpoint told this client (one per client core): its versions document
/// (read once per endpoint) and the outcome of feature probes. Failures are not cached.
/// </summary>
internal sealed class ServerInfoCache
{
    private readonly ConcurrentDictionary<Uri, Task<IReadOnlyList<ApiVersionInfo>>> _versions = new();
    private readonly ConcurrentDictionary<(Uri, GlanceFeature), Task<bool>> _probes = new();

    public Task<IReadOnlyList<ApiVersionInfo>> GetVersionsAsync(Uri endpoint, Func<Task<IReadOnlyList<ApiVersionInfo>>> read) =>
        GetOrAdd(_versions, endpoint, read);

    public Task<bool> GetProbeAsync(Uri endpoint, GlanceFeature feature, Func<Task<bool>> probe) =>
        GetOrAdd(_probes, (endpoint, feature), probe);

    private static async Task<T> GetOrAdd<TKey, T>(ConcurrentDictionary<TKey, Task<T>> cache, TKey key, Func<Task<T>> factory) where TKey : notnull
    {
        var task = cache.GetOrAdd(key, _ => factory());
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<TKey, Task<T>>(key, task));
            throw;
        }
    }
}
