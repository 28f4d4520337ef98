namespace NovaImage;

/// <summary>
/// One sort key of a listing, always with its direction. Glance sorts by <c>created_at</c> descending when no key is
/// given, and a key sent without a direction is descending; here every key states its direction.
/// </summary>
/// <param name="Key">The Glance sort key: name, status, container_format, disk_format, size, id, created_at or updated_at.</param>
/// <param name="Direction">The direction (<see cref="SortDirection.Descending"/> is what Glance does by default).</param>
public sealed record SortKey(string Key, SortDirection Direction)
{
    /// <summary>The direction as Glance spells it: <c>asc</c> or <c>desc</c>.</summary>
    internal string WireDirection => Direction == SortDirection.Ascending ? "asc" : "desc";
}
