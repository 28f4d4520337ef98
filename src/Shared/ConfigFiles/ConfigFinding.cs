namespace NovaImage.ConfigFiles;

/// <summary>One finding in a configuration file, with its position (0-based lines and columns, offsets in UTF-16 chars).</summary>
internal sealed class ConfigFinding
{
    public ConfigFinding(ConfigIssue issue, ConfigEntry entry, string value, int start, int end, LineMap lines)
    {
        Issue = issue;
        Option = entry.Option;
        Key = entry.Key;
        Value = value;
        Start = start;
        Length = end - start;
        lines.Locate(start, out var line, out var column);
        lines.Locate(end, out var endLine, out var endColumn);
        StartLine = line;
        StartColumn = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public ConfigIssue Issue { get; }

    /// <summary>Nova's option name: <c>host</c>, <c>port</c>, <c>protocol</c>, <c>api_version</c>, <c>use_glance_v1</c> or <c>allowed_direct_url_schemes</c>.</summary>
    public string Option { get; }

    /// <summary>The key as written in the file (e.g. <c>Host</c> in JSON).</summary>
    public string Key { get; }

    /// <summary>The value as written (unquoted); for <see cref="ConfigIssue.DirectUrlScheme"/> the one scheme.</summary>
    public string Value { get; }

    public int Start { get; }

    public int Length { get; }

    public int StartLine { get; }

    public int StartColumn { get; }

    public int EndLine { get; }

    /// <summary>0-based column just past the finding.</summary>
    public int EndColumn { get; }
}
