namespace NovaImage;

/// <summary>
/// Filters, sort, start and total for <see cref="IImageApi.ListImagesAsync"/> (Nova's <c>detail(filters, marker,
/// limit, page_size, sort_key, sort_dir)</c>). Paging is done by the client: the caller just enumerates;
/// <see cref="PageSize"/> only sets how many images each request asks for, <see cref="Limit"/> how many the
/// enumeration yields in all.
/// </summary>
public sealed record ImageQuery
{
    /// <summary>Exact name, or several with <c>in:</c> semantics when more than one is given.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    /// <summary>Any of these statuses.</summary>
    public IReadOnlyList<ImageStatus> Statuses { get; init; } = [];
    /// <summary>Any of these ids (v2 <c>id=in:...</c>).</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];
    /// <summary>Any of these disk formats.</summary>
    public IReadOnlyList<string> DiskFormats { get; init; } = [];
    /// <summary>Any of these container formats.</summary>
    public IReadOnlyList<string> ContainerFormats { get; init; } = [];
    /// <summary>Visibility filter (v2); null lists what the caller sees by default.</summary>
    public ImageVisibility? Visibility { get; init; }
    /// <summary>List every visibility (v2 <c>visibility=all</c>).</summary>
    public bool AllVisibilities { get; init; }
    /// <summary>Member status filter for shared images (v2).</summary>
    public MemberStatus? MemberStatus { get; init; }
    /// <summary>Owner project.</summary>
    public string? Owner { get; init; }
    /// <summary>Protected flag.</summary>
    public bool? Protected { get; init; }
    /// <summary>true lists only hidden images (v2.7+).</summary>
    public bool? OsHidden { get; init; }
    /// <summary>Minimum size in bytes.</summary>
    public long? SizeMin { get; init; }
    /// <summary>Maximum size in bytes.</summary>
    public long? SizeMax { get; init; }
    /// <summary>Filter on creation time (v2 comparison operators).</summary>
    public TimeFilter? CreatedAt { get; init; }
    /// <summary>Filter on update time (v2 comparison operators).</summary>
    public TimeFilter? UpdatedAt { get; init; }
    /// <summary>All of these tags (v2).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Exact match on free-form properties.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    /// <summary>Sort keys with their directions, applied in order.</summary>
    public IReadOnlyList<SortKey> Sort { get; init; } = [];
    /// <summary>
    /// Images per request (the <c>limit</c> parameter of one request); null asks for the largest page the server allows
    /// (v2: Glance's <c>api_limit_max</c>, 1000 by default; v1: 25).
    /// </summary>
    public int? PageSize { get; init; }
    /// <summary>
    /// The total number of images the listing yields, across pages; null yields every match. No further page is
    /// requested once it is reached.
    /// </summary>
    public int? Limit { get; init; }
    /// <summary>Start after the image with this id (in the listing's sort order), as Glance's <c>marker</c>.</summary>
    public string? Marker { get; init; }

    /// <summary>v1 <c>changes-since</c>: images updated after this time, including deleted ones.</summary>
    [V1Only("Use UpdatedAt = TimeFilter.GreaterOrEqual(t) (v2 updated_at=gte:t); v2 never lists deleted images.")]
    public DateTimeOffset? ChangesSince { get; init; }

    /// <summary>v1 <c>is_public</c> filter (honoured for admins only).</summary>
    [V1Only("Use Visibility = ImageVisibility.Public (true) or ImageVisibility.Private (false).")]
    public bool? IsPublic { get; init; }
}
