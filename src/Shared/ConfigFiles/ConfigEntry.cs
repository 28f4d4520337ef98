using System.Collections.Generic;
using System.Text;

namespace NovaImage.ConfigFiles;

/// <summary>One key of the Glance section as a scanner found it. <see cref="Start"/>..<see cref="End"/> covers the whole entry (key through value).</summary>
internal sealed class ConfigEntry(string key, string value, int start, int end, List<ConfigItem> items)
{
    public string Key { get; } = key;

    /// <summary>Nova's name for the key: appsettings uses <c>GlanceOptions</c>' property names (<c>ApiVersion</c> is <c>api_version</c>).</summary>
    public string Option { get; } = NovaOptionName(key);

    /// <summary>The value as written, unquoted for a JSON string.</summary>
    public string Value { get; } = value;

    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>List values split into items (comma-separated in INI, array elements in JSON).</summary>
    public List<ConfigItem> Items { get; } = items;

    /// <summary>JSON only: the offset of the comma following the entry, or -1.</summary>
    public int Comma { get; set; } = -1;

    private static string NovaOptionName(string key)
    {
        var sb = new StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsUpper(c) && i > 0 && key[i - 1] != '_') sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
