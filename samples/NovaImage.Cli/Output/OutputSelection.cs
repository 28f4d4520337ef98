namespace NovaImage.Cli.Output;

/// <summary>The format and the columns (<c>-c</c>, empty for all) a command's result is printed with.</summary>
internal sealed record OutputSelection(OutputFormat Format, IReadOnlyList<string> Columns)
{
    /// <summary>
    /// The indexes of the chosen columns, in the result's own order (as cliff does); a name matches ignoring case and
    /// '_' versus ' ' (<c>-c disk_format</c> is the column <c>Disk Format</c>). An unknown name is a usage error that
    /// lists the columns there are.
    /// </summary>
    public IReadOnlyList<int> Select(IReadOnlyList<string> available)
    {
        if (Columns.Count == 0) return Enumerable.Range(0, available.Count).ToList();
        var unknown = Columns.Where(c => !available.Any(a => Key(a) == Key(c))).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"no column {string.Join(", ", unknown.Select(c => $"'{c}'"))}; the columns are: {string.Join(", ", available)}");
        return Enumerable.Range(0, available.Count).Where(i => Columns.Any(c => Key(c) == Key(available[i]))).ToList();
    }

    private static string Key(string column) => column.Replace(' ', '_').ToLowerInvariant();
}
