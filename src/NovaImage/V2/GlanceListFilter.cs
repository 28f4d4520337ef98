using System.Globalization;

namespace NovaImage.V2;

/// <summary>
/// Builds the operator syntax of v2 list filters: <c>eq:</c>/<c>in:</c> for name, id, status and formats,
/// <c>gt|gte|eq|neq|lt|lte:</c> for <c>created_at</c>/<c>updated_at</c>.
/// </summary>
internal static class GlanceListFilter
{
    /// <summary><c>eq:value</c>: an exact match, safe for values that contain <c>:</c>.</summary>
    public static string Equal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "eq:" + value;
    }

    /// <summary><c>in:a,b,...</c>: any of the values (a value with a comma or quote is double-quoted).</summary>
    public static string In(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values.Select(v => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal)
            ? "\"" + v.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : v).ToList();
        if (items.Count == 0)
        {
            throw new ArgumentException("in: needs at least one value.", nameof(values));
        }

        return "in:" + string.Join(',', items);
    }

    /// <summary>A time comparison, e.g. <c>gte:2024-01-01T00:00:00Z</c>.</summary>
    /// <param name="op"><c>gt</c>, <c>gte</c>, <c>eq</c>, <c>neq</c>, <c>lt</c> or <c>lte</c>.</param>
    /// <param name="time">The time (sent in UTC, second precision).</param>
    public static string Time(string op, DateTimeOffset time)
    {
        if (op is not ("gt" or "gte" or "eq" or "neq" or "lt" or "lte"))
        {
            throw new ArgumentOutOfRangeException(nameof(op), op, "Use gt, gte, eq, neq, lt or lte.");
        }

        return op + ":" + time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
