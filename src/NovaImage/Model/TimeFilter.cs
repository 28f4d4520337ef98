namespace NovaImage;

/// <summary>A v2 time comparison filter such as <c>updated_at=gte:2024-01-01T00:00:00Z</c>.</summary>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The instant compared with.</param>
public sealed record TimeFilter(TimeComparison Operator, DateTimeOffset Value)
{
    /// <summary>Later than or equal to <paramref name="value"/>.</summary>
    public static TimeFilter GreaterOrEqual(DateTimeOffset value) => new(TimeComparison.GreaterOrEqual, value);
    /// <summary>Later than <paramref name="value"/>.</summary>
    public static TimeFilter GreaterThan(DateTimeOffset value) => new(TimeComparison.GreaterThan, value);
    /// <summary>Earlier than <paramref name="value"/>.</summary>
    public static TimeFilter LessThan(DateTimeOffset value) => new(TimeComparison.LessThan, value);
    /// <summary>Earlier than or equal to <paramref name="value"/>.</summary>
    public static TimeFilter LessOrEqual(DateTimeOffset value) => new(TimeComparison.LessOrEqual, value);
    /// <summary>Equal to <paramref name="value"/>.</summary>
    public static TimeFilter EqualTo(DateTimeOffset value) => new(TimeComparison.Equal, value);
}

/// <summary>Glance v2 time comparison operators.</summary>
public enum TimeComparison
{
    /// <summary><c>eq</c></summary>
    Equal,
    /// <summary><c>neq</c></summary>
    NotEqual,
    /// <summary><c>gt</c></summary>
    GreaterThan,
    /// <summary><c>gte</c></summary>
    GreaterOrEqual,
    /// <summary><c>lt</c></summary>
    LessThan,
    /// <summary><c>lte</c></summary>
    LessOrEqual,
}
