using NovaImage.Core;
using NovaImage.V1;

namespace NovaImage.V1;

/// <summary>
/// <see cref="ImageQuery"/> → v1 list parameters. v1 filters one value per field and knows no ids, owners, tags,
/// member status or time comparisons other than <c>changes-since</c>; such queries fail before anything is sent.
/// </summary>
internal static class V1QueryTranslator
{
    /// <summary>v1's default page size (limit_param_default); a shorter page is the last one.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The query, and whether deleted images must be dropped (an UpdatedAt filter sent as changes-since).</summary>
    public static (V1ImageListQuery Query, bool DropDeleted) Translate(ImageQuery q)
    {
#pragma warning disable CS0618 // the v1 filters are this translator's native form
        var changesSince = q.ChangesSince;
        var isPublic = q.IsPublic;
#pragma warning restore CS0618
        if (q.Ids.Count > 0) throw NoV1Form("an id filter");
        if (q.Owner is not null) throw NoV1Form("an owner filter");
        if (q.Tags.Count > 0) throw NoV1Form("a tag filter");
        if (q.MemberStatus is not null) throw NoV1Form("a member status filter");
        if (q.OsHidden == true) throw NoV1Form("os_hidden");
        if (q.CreatedAt is not null) throw NoV1Form("a created_at filter");
        if (q.Sort.Count > 1) throw NoV1Form("more than one sort key");

        var dropDeleted = false;
        if (q.UpdatedAt is { } updated)
        {
            if (updated.Operator != TimeComparison.GreaterOrEqual) throw NoV1Form($"updated_at {updated.Operator} (only GreaterOrEqual, as changes-since)");
            if (changesSince is not null) throw new InvalidImageRequestException("Glance List: ChangesSince and UpdatedAt both filter on the update time; use one", new GlanceErrorContext());
            changesSince = updated.Value;
            dropDeleted = true; // v2's updated_at never lists deleted images; changes-since does
        }

        V1PublicFilter? publicFilter = isPublic switch
        {
            true => V1PublicFilter.Public,
            false => V1PublicFilter.NotPublic,
            null => null,
        };
        if (q.AllVisibilities) publicFilter = V1PublicFilter.All;
        else if (q.Visibility is { } visibility)
        {
            var translated = visibility switch
            {
                ImageVisibility.Public => V1PublicFilter.Public,
                ImageVisibility.Private => V1PublicFilter.NotPublic,
                _ => throw NoV1Form($"visibility {visibility}"),
            };
            if (publicFilter is not null && publicFilter != translated) throw new InvalidImageRequestException($"Glance List: IsPublic contradicts Visibility {visibility}", new GlanceErrorContext());
            publicFilter = translated;
        }

        var query = new V1ImageListQuery
        {
            Name = One(q.Names, "name"),
            Status = One(q.Statuses.Select(GlanceText.Format).ToList(), "status"),
            DiskFormat = One(q.DiskFormats, "disk format"),
            ContainerFormat = One(q.ContainerFormats, "container format"),
            SizeMin = q.SizeMin,
            SizeMax = q.SizeMax,
            ChangesSince = changesSince,
            // Nova's _extract_query_params: is_public=none unless the caller filtered, so an admin's default listing
            // includes other projects' private images, as v2's default does (non-admins are not affected: v1 ignores it).
            IsPublic = publicFilter ?? V1PublicFilter.All,
            Protected = q.Protected,
            Properties = q.Properties.ToDictionary(p => GlanceText.WithoutPropertyPrefix(p.Key), p => p.Value, StringComparer.Ordinal),
            SortKey = q.Sort.Count == 1 ? q.Sort[0].Key : null,
            SortDescending = q.Sort.Count == 1 ? q.Sort[0].Direction == SortDirection.Descending : null,
            // Always sent: the page loop ends at the first page shorter than what it asked for.
            Limit = ListingLimit.PageSize(q, DefaultPageSize),
            Marker = q.Marker,
        };
        return (query, dropDeleted);
    }

    private static string? One(IReadOnlyList<string> values, string what) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => throw NoV1Form($"more than one {what}"),
    };

    private static FeatureNotSupportedException NoV1Form(string what) => V1ImageMapper.NoV1Form(ImageOperation.List, null, what);
}
