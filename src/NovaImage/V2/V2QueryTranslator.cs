using NovaImage.Core;
using NovaImage.V2;

namespace NovaImage.V2;

/// <summary>The arguments of one <c>GET /v2/images</c> request.</summary>
internal sealed record V2ListFilter(
    int? Limit, string? Marker, IReadOnlyList<string>? SortKeys, IReadOnlyList<string>? SortDirs, string? Name, string? Id, string? Status,
    string? Visibility, string? MemberStatus, string? Owner, bool? Protected, bool? OsHidden, string? ContainerFormat,
    string? DiskFormat, string? CreatedAt, string? UpdatedAt, long? SizeMin, long? SizeMax, IReadOnlyList<string>? Tags,
    IDictionary<string, string>? Properties);

/// <summary>
/// <see cref="ImageQuery"/> → v2 list parameters, including Nova's translations of the v1 filters (mapping §4.5):
/// <c>changes-since=t</c> → <c>updated_at=gte:t</c>, <c>is_public</c> true/false → <c>visibility=public/private</c>,
/// <c>property-X</c> → <c>X</c> (exact prefix).
/// </summary>
internal static class V2QueryTranslator
{
    /// <summary>
    /// The page size asked for when the query sets none: more than Glance allows, so every page is as large as the
    /// server's <c>api_limit_max</c> (1000 by default). Glance answers <c>min(limit, api_limit_max)</c> images and does
    /// not refuse a larger limit; without a limit it sends only <c>limit_param_default</c> (25) per page.
    /// </summary>
    public const int DefaultPageSize = 10_000;

    public static V2ListFilter Translate(ImageQuery q)
    {
#pragma warning disable CS0618 // the v1 filters are translated here, as Nova did
        var changesSince = q.ChangesSince;
        var isPublic = q.IsPublic;
#pragma warning restore CS0618
        string? visibility = q.AllVisibilities ? "all" : q.Visibility is { } v ? GlanceText.Format(v) : null;
        if (isPublic is { } pub)
        {
            var translated = pub ? "public" : "private";
            if (visibility is not null && visibility != translated)
                throw Conflict($"IsPublic = {pub} (visibility={translated}) contradicts visibility={visibility}");
            visibility = translated;
        }
        var updatedAt = q.UpdatedAt is { } u ? Time(u) : null;
        if (changesSince is { } since)
        {
            if (updatedAt is not null) throw Conflict("ChangesSince and UpdatedAt both filter on the update time; use UpdatedAt only");
            updatedAt = GlanceListFilter.Time("gte", since);
        }

        return new V2ListFilter(
            ListingLimit.PageSize(q, DefaultPageSize),
            q.Marker,
            q.Sort.Count == 0 ? null : q.Sort.Select(s => s.Key).ToList(),
            q.Sort.Count == 0 ? null : q.Sort.Select(s => s.WireDirection).ToList(),
            OneOrIn(q.Names),
            OneOrIn(q.Ids),
            OneOrIn(q.Statuses.Select(GlanceText.Format).ToList()),
            visibility,
            q.MemberStatus is { } m ? GlanceText.Format(m) : null,
            q.Owner,
            q.Protected,
            q.OsHidden,
            OneOrIn(q.ContainerFormats),
            OneOrIn(q.DiskFormats),
            q.CreatedAt is { } c ? Time(c) : null,
            updatedAt,
            q.SizeMin,
            q.SizeMax,
            q.Tags.Count == 0 ? null : q.Tags,
            q.Properties.Count == 0 ? null : q.Properties.ToDictionary(p => GlanceText.WithoutPropertyPrefix(p.Key), p => p.Value, StringComparer.Ordinal));
    }

    private static string? OneOrIn(IReadOnlyList<string> values) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => GlanceListFilter.In(values),
    };

    private static string Time(TimeFilter filter) => GlanceListFilter.Time(filter.Operator switch
    {
        TimeComparison.Equal => "eq",
        TimeComparison.NotEqual => "neq",
        TimeComparison.GreaterThan => "gt",
        TimeComparison.GreaterOrEqual => "gte",
        TimeComparison.LessThan => "lt",
        _ => "lte",
    }, filter.Value);

    private static InvalidImageRequestException Conflict(string problem) =>
        new($"Glance List: {problem}", new GlanceErrorContext());
}
