namespace NovaImage.ConfigFiles;

/// <summary>One item of a list value (an INI comma-separated entry, a JSON array element) with its span.</summary>
internal readonly struct ConfigItem(string value, int start, int end)
{
    public string Value { get; } = value;

    public int Start { get; } = start;

    public int End { get; } = end;
}
