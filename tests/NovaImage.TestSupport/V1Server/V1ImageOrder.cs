using System.Globalization;

namespace NovaImage.TestSupport.V1Server;

/// <summary>List order (§4): the sort key, ties broken by created_at then id, all in the same direction; nulls first ascending.</summary>
internal sealed class V1ImageOrder(string sortKey, bool descending) : IComparer<V1ServerImage>
{
    public int Compare(V1ServerImage? x, V1ServerImage? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var result = Key(x).CompareTo(Key(y));
        if (result == 0) result = x.CreatedAt.CompareTo(y.CreatedAt);
        if (result == 0) result = string.CompareOrdinal(x.Id, y.Id);
        return descending ? -result : result;
    }

    private SortValue Key(V1ServerImage image) => sortKey switch
    {
        "name" => new(image.Name),
        "status" => new(image.Status),
        "container_format" => new(image.ContainerFormat),
        "disk_format" => new(image.DiskFormat),
        "size" => new(image.Size.ToString("D20", CultureInfo.InvariantCulture)),
        "id" => new(image.Id),
        "updated_at" => new(image.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)),
        _ => new(image.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
    };

    private readonly record struct SortValue(string? Text) : IComparable<SortValue>
    {
        public int CompareTo(SortValue other) => (Text, other.Text) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => string.CompareOrdinal(Text, other.Text),
        };
    }
}
