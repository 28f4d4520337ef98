namespace NovaImage;

/// <summary>The direction of one <see cref="SortKey"/>.</summary>
public enum SortDirection
{
    /// <summary>Largest, newest or last-in-alphabet first (<c>desc</c>). Glance's default when no direction is sent, so
    /// it is also this enum's default value.</summary>
    Descending = 0,
    /// <summary>Smallest, oldest or first-in-alphabet first (<c>asc</c>).</summary>
    Ascending,
}
