namespace NovaImage.Core;

/// <summary>
/// Counts the images one listing has yielded against <see cref="ImageQuery.Limit"/>, so the page loops of both API
/// versions stop at the same total without asking for another page.
/// </summary>
internal sealed class ListingLimit(ImageQuery? query)
{
    private int? _remaining = query?.Limit;

    /// <summary>The page size to request: <see cref="ImageQuery.PageSize"/> (or <paramref name="defaultPageSize"/>), but never more than the total still wanted.</summary>
    public static int? PageSize(ImageQuery q, int? defaultPageSize)
    {
        if (q.Limit is <= 0) throw new InvalidImageRequestException($"Glance List: Limit {q.Limit} must be positive", new GlanceErrorContext());
        if (q.PageSize is <= 0) throw new InvalidImageRequestException($"Glance List: PageSize {q.PageSize} must be positive", new GlanceErrorContext());
        var pageSize = q.PageSize ?? defaultPageSize;
        return q.Limit is { } limit && (pageSize is null || limit < pageSize) ? limit : pageSize;
    }

    /// <summary>How many images are still wanted (null: all).</summary>
    public int? Remaining => _remaining;

    /// <summary>Counts one yielded image; true when it was the last one wanted.</summary>
    public bool Yielded() => _remaining is { } remaining && (_remaining = remaining - 1) == 0;
}
