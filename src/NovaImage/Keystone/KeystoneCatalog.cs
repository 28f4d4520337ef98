namespace NovaImage.Keystone;

/// <summary>
/// Endpoint selection in a token's service catalog, as keystoneauth does for Nova: the endpoints of the service type
/// whose interface is the first of the preference list that has any (in the region, when one is asked for).
/// </summary>
internal static class KeystoneCatalog
{
    /// <summary>
    /// The URLs of <paramref name="serviceType"/>'s endpoints for the first interface of <paramref name="interfaces"/>
    /// that has any in <paramref name="region"/> (null: any region), in catalog order; empty when there is none.
    /// </summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<KeystoneCatalogService>? catalog, string serviceType, IReadOnlyList<string> interfaces, string? region)
    {
        var endpoints = Endpoints(catalog, serviceType).ToList();
        foreach (var wanted in interfaces.Select(Interface))
        {
            var urls = endpoints
                .Where(e => string.Equals(Interface(e.Interface ?? ""), wanted, StringComparison.Ordinal) && InRegion(e, region) && !string.IsNullOrWhiteSpace(e.Url))
                .Select(e => e.Url!.Trim())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (urls.Count > 0) return urls;
        }
        return [];
    }

    /// <summary>What the catalog offers, for a message when <see cref="Select"/> found nothing: the endpoints of the service type, or the service types there are.</summary>
    public static string Describe(IReadOnlyList<KeystoneCatalogService>? catalog, string serviceType)
    {
        if (catalog is not { Count: > 0 }) return "the token has no catalog (is it scoped to a project?)";
        var endpoints = Endpoints(catalog, serviceType).ToList();
        if (endpoints.Count == 0)
            return $"the catalog has no service of type '{serviceType}'; it has {string.Join(", ", catalog.Select(s => s.Type).Distinct().Order(StringComparer.Ordinal))}";
        return $"the catalog's '{serviceType}' endpoints are " +
            string.Join(", ", endpoints.Select(e => $"{e.Interface} in {e.RegionId ?? e.Region ?? "no region"}: {e.Url}"));
    }

    /// <summary>
    /// An interface name as keystoneauth compares them: lower case, without the <c>URL</c> suffix of the old names
    /// (<c>publicURL</c>, <c>internalURL</c>, <c>adminURL</c>).
    /// </summary>
    public static string Interface(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower.EndsWith("url", StringComparison.Ordinal) ? lower[..^3] : lower;
    }

    private static IEnumerable<KeystoneCatalogEndpoint> Endpoints(IReadOnlyList<KeystoneCatalogService>? catalog, string serviceType) =>
        (catalog ?? []).Where(s => string.Equals(s.Type, serviceType, StringComparison.Ordinal)).SelectMany(s => s.Endpoints ?? []);

    // Keystone v3 gives region_id (and the older region, the same name): either may match.
    private static bool InRegion(KeystoneCatalogEndpoint endpoint, string? region) =>
        string.IsNullOrWhiteSpace(region)
        || string.Equals(endpoint.RegionId, region, StringComparison.Ordinal)
        || string.Equals(endpoint.Region, region, StringComparison.Ordinal);
}
