namespace NovaImage;

/// <summary>One sort key: name status container_format disk_format size id created_at updated_at.</summary>
/// <param name="Key">The Glance sort key.</param>
/// <param name="Descending">Direction (Glance's default is descending).</param>
public sealed record SortKey(string Key, bool Descending = true);
