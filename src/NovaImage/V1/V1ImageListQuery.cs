using System.Globalization;

namespace NovaImage.V1;

/// <summary>
/// Filters, sort and paging of <c>GET /v1/images</c> and <c>GET /v1/images/detail</c> (reference §4).
/// Null members are not sent. <see cref="ToQueryParameters"/> gives the query string pairs for the Refit methods.
/// </summary>
internal sealed record V1ImageListQuery
{
    /// <summary><c>name</c>: exact match.</summary>
    public string? Name { get; init; }
    /// <summary><c>status</c>: exact match.</summary>
    public string? Status { get; init; }
    /// <summary><c>container_format</c>: exact match.</summary>
    public string? ContainerFormat { get; init; }
    /// <summary><c>disk_format</c>: exact match.</summary>
    public string? DiskFormat { get; init; }
    /// <summary><c>size_min</c>: size at least this many bytes.</summary>
    public long? SizeMin { get; init; }
    /// <summary><c>size_max</c>: size at most this many bytes.</summary>
    public long? SizeMax { get; init; }
    /// <summary><c>min_ram</c>: exact match.</summary>
    public int? MinRam { get; init; }
    /// <summary><c>min_disk</c>: exact match.</summary>
    public int? MinDisk { get; init; }
    /// <summary><c>changes-since</c>: images updated after this instant, including deleted and killed ones.</summary>
    public DateTimeOffset? ChangesSince { get; init; }
    /// <summary><c>is_public</c>: honoured for admins only (non-admins always see public + own + shared).</summary>
    public V1PublicFilter? IsPublic { get; init; }
    /// <summary><c>protected</c>: exact match.</summary>
    public bool? Protected { get; init; }
    /// <summary><c>deleted</c>: admins only.</summary>
    public bool? Deleted { get; init; }
    /// <summary><c>property-&lt;key&gt;=&lt;value&gt;</c>: exact match on custom properties.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    /// <summary><c>sort_key</c>: name status container_format disk_format size id created_at updated_at (server default created_at).</summary>
    public string? SortKey { get; init; }
    /// <summary><c>sort_dir</c>: true for <c>desc</c> (the server's default), false for <c>asc</c>.</summary>
    public bool? SortDescending { get; init; }
    /// <summary><c>limit</c>: page size (server default 25, capped at its <c>api_limit_max</c>).</summary>
    public int? Limit { get; init; }
    /// <summary><c>marker</c>: the id of the last image of the previous page.</summary>
    public string? Marker { get; init; }

    /// <summary>The query string pairs (unencoded; Refit encodes them).</summary>
    public Dictionary<string, string> ToQueryParameters()
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (value is not null) query[name] = value;
        }
        static string? Int(long? value) => value?.ToString(CultureInfo.InvariantCulture);
        static string? Bool(bool? value) => value is { } b ? (b ? "true" : "false") : null;

        Add("name", Name);
        Add("status", Status);
        Add("container_format", ContainerFormat);
        Add("disk_format", DiskFormat);
        Add("size_min", Int(SizeMin));
        Add("size_max", Int(SizeMax));
        Add("min_ram", Int(MinRam));
        Add("min_disk", Int(MinDisk));
        Add("changes-since", ChangesSince is { } since ? V1MetadataCodec.FormatTimestamp(since) : null);
        Add("is_public", IsPublic switch
        {
            V1PublicFilter.Public => "true",
            V1PublicFilter.NotPublic => "false",
            V1PublicFilter.All => "none",
            _ => null,
        });
        Add("protected", Bool(Protected));
        Add("deleted", Bool(Deleted));
        foreach (var (key, value) in Properties) Add("property-" + key, value);
        Add("sort_key", SortKey);
        Add("sort_dir", SortDescending is { } descending ? (descending ? "desc" : "asc") : null);
        Add("limit", Int(Limit));
        Add("marker", Marker);
        return query;
    }
}

/// <summary>The v1 <c>is_public</c> list filter (admins only).</summary>
internal enum V1PublicFilter
{
    /// <summary><c>is_public=true</c>: same as no filter (admins see what a user would).</summary>
    Public,
    /// <summary><c>is_public=false</c>: every non-public image.</summary>
    NotPublic,
    /// <summary><c>is_public=none</c>: every image.</summary>
    All,
}
