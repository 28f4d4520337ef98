using System;
using System.Collections.Generic;

namespace NovaImage.ConfigFiles;

/// <summary>oslo.config-style INI: <c>[section]</c>, <c>key = value</c> or <c>key: value</c>, <c>#</c>/<c>;</c> comment lines.</summary>
internal static class IniScanner
{
    /// <summary>The entries of the <c>[glance]</c> section(s), in document order.</summary>
    public static List<ConfigEntry> GlanceEntries(string text)
    {
        var entries = new List<ConfigEntry>();
        var inGlance = false;
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = position;
            while (lineEnd < text.Length && !LineMap.IsLineBreak(text[lineEnd])) lineEnd++;
            var start = position;
            while (start < lineEnd && (text[start] == ' ' || text[start] == '\t')) start++;
            // an indented line continues the previous value in oslo.config: it is neither a section nor a key
            if (start < lineEnd && start == position)
            {
                var c = text[start];
                if (c == '[')
                {
                    var close = text.IndexOf(']', start);
                    inGlance = close > 0 && close < lineEnd
                        && string.Equals(text.Substring(start + 1, close - start - 1).Trim(), "glance", StringComparison.OrdinalIgnoreCase);
                }
                else if (inGlance && c != '#' && c != ';' && Entry(text, start, lineEnd) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            position = lineEnd;
            if (position < text.Length && text[position] == '\r') position++;
            if (position < text.Length && text[position] == '\n') position++;
        }
        return entries;
    }

    private static ConfigEntry? Entry(string text, int start, int lineEnd)
    {
        var separator = IndexOfSeparator(text, start, lineEnd);
        if (separator <= start) return null;
        var key = text.Substring(start, separator - start).Trim();
        var valueStart = separator + 1;
        while (valueStart < lineEnd && (text[valueStart] == ' ' || text[valueStart] == '\t')) valueStart++;
        var end = lineEnd;
        while (end > valueStart && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
        if (end <= separator) end = separator + 1;
        var value = valueStart < end ? text.Substring(valueStart, end - valueStart) : "";
        return new ConfigEntry(key, value, start, end, SplitList(text, valueStart, end));
    }

    private static int IndexOfSeparator(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (text[i] == '=' || text[i] == ':') return i;
        return -1;
    }

    private static List<ConfigItem> SplitList(string text, int start, int end)
    {
        var items = new List<ConfigItem>();
        var itemStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] != ',') continue;
            var s = itemStart;
            var e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) items.Add(new ConfigItem(text.Substring(s, e - s), s, e));
            itemStart = i + 1;
        }
        return items;
    }
}
