// This file is compiled twice: into the runtime (public API, used by the novaimage CLI) and, linked, into the
// NovaImage analyzer (internal; netstandard2.0, no System.Text.Json, no file system). Keep it dependency-free.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

#if NOVAIMAGE_ANALYZER
namespace NovaImage.Analyzers.Configuration;
#else
namespace NovaImage;
#endif

/// <summary>The two configuration file formats NovaImage reads.</summary>
#if NOVAIMAGE_ANALYZER
internal
#else
public
#endif
enum LegacyGlanceConfigKind
{
    /// <summary>A nova.conf-style INI file: <c>[glance]</c> with Nova's key names.</summary>
    NovaConf,

    /// <summary>An <c>appsettings*.json</c> file: the <c>Glance</c> section with <see cref="GlanceOptions"/> property names.</summary>
    AppSettingsJson,
}

/// <summary>What a <see cref="LegacyGlanceConfigFinding"/> is about.</summary>
#if NOVAIMAGE_ANALYZER
internal
#else
public
#endif
enum LegacyGlanceConfigIssue
{
    /// <summary>A deprecated <c>host</c>, <c>port</c> or <c>protocol</c> option (replaced by <c>api_servers</c>).</summary>
    DeprecatedOption,

    /// <summary>Glance API v1 is selected (<c>api_version = 1</c>, <c>use_glance_v1 = true</c>, <c>"ApiVersion": "1"</c>).</summary>
    V1ApiVersion,

    /// <summary>One scheme listed in <c>allowed_direct_url_schemes</c>; whether an adapter serves it is for the caller to decide.</summary>
    DirectUrlScheme,
}

/// <summary>One finding in a configuration file, with its position (0-based lines and columns, offsets in UTF-16 chars).</summary>
#if NOVAIMAGE_ANALYZER
internal
#else
public
#endif
sealed class LegacyGlanceConfigFinding
{
    internal LegacyGlanceConfigFinding(LegacyGlanceConfigIssue issue, string option, string key, string value, int start, int length, LegacyGlanceConfig.LineMap lines)
    {
        Issue = issue;
        Option = option;
        Key = key;
        Value = value;
        Start = start;
        Length = length;
        lines.Locate(start, out var line, out var column);
        lines.Locate(start + length, out var endLine, out var endColumn);
        StartLine = line;
        StartColumn = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    /// <summary>The kind of finding.</summary>
    public LegacyGlanceConfigIssue Issue { get; }

    /// <summary>Nova's option name: <c>host</c>, <c>port</c>, <c>protocol</c>, <c>api_version</c>, <c>use_glance_v1</c> or <c>allowed_direct_url_schemes</c>.</summary>
    public string Option { get; }

    /// <summary>The key as written in the file (e.g. <c>Host</c> in JSON).</summary>
    public string Key { get; }

    /// <summary>The value as written (unquoted); for <see cref="LegacyGlanceConfigIssue.DirectUrlScheme"/> the one scheme.</summary>
    public string Value { get; }

    /// <summary>Offset of the finding in the text.</summary>
    public int Start { get; }

    /// <summary>Length of the finding in the text.</summary>
    public int Length { get; }

    /// <summary>0-based line where the finding starts.</summary>
    public int StartLine { get; }

    /// <summary>0-based column where the finding starts.</summary>
    public int StartColumn { get; }

    /// <summary>0-based line where the finding ends.</summary>
    public int EndLine { get; }

    /// <summary>0-based column just past the finding.</summary>
    public int EndColumn { get; }
}

/// <summary>
/// Finds Nova's deprecated Glance options (and v1 selection and direct-download schemes) in nova.conf and
/// appsettings files, and rewrites the deprecated <c>host</c>/<c>port</c>/<c>protocol</c> triple to
/// <c>api_servers</c>. Edits are textual: comments, key order and formatting of everything else survive.
/// </summary>
#if NOVAIMAGE_ANALYZER
internal
#else
public
#endif
static class LegacyGlanceConfig
{
    /// <summary>Nova's default port when <c>port</c> is not given.</summary>
    public const int DefaultPort = 9292;

    /// <summary>Nova's default scheme when <c>protocol</c> is not given.</summary>
    public const string DefaultProtocol = "http";

    /// <summary>
    /// The format of a file from its name: <c>*.conf</c>/<c>*.ini</c> are nova.conf-style, <c>appsettings*.json</c>
    /// is JSON; null for anything else.
    /// </summary>
    public static LegacyGlanceConfigKind? KindFromPath(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var name = path;
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (slash >= 0) name = name.Substring(slash + 1);
        if (name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ini", StringComparison.OrdinalIgnoreCase))
            return LegacyGlanceConfigKind.NovaConf;
        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return LegacyGlanceConfigKind.AppSettingsJson;
        return null;
    }

    /// <summary>
    /// The <c>api_servers</c> entry equivalent to Nova's <c>protocol://host:port</c> (defaults http and 9292; an IPv6
    /// literal host is bracketed).
    /// </summary>
    public static string FormatApiServer(string? protocol, string host, string? port)
    {
        if (host is null) throw new ArgumentNullException(nameof(host));
        var scheme = string.IsNullOrWhiteSpace(protocol) ? DefaultProtocol : protocol!.Trim().ToLowerInvariant();
        var h = host.Trim();
        if (h.IndexOf(':') >= 0 && !h.StartsWith("[", StringComparison.Ordinal)) h = "[" + h + "]";
        var p = string.IsNullOrWhiteSpace(port) ? DefaultPort.ToString(CultureInfo.InvariantCulture) : port!.Trim();
        return scheme + "://" + h + ":" + p;
    }

    /// <summary>Everything worth reporting in <paramref name="text"/>, in document order.</summary>
    public static IReadOnlyList<LegacyGlanceConfigFinding> Find(string text, LegacyGlanceConfigKind kind)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var lines = new LineMap(text);
        var findings = new List<LegacyGlanceConfigFinding>();
        var entries = kind == LegacyGlanceConfigKind.NovaConf ? IniScanner.GlanceEntries(text) : JsonScanner.GlanceEntries(text);
        foreach (var entry in entries)
        {
            var option = NovaOptionName(entry.Key);
            switch (option)
            {
                case "host":
                case "port":
                case "protocol":
                    findings.Add(new LegacyGlanceConfigFinding(LegacyGlanceConfigIssue.DeprecatedOption, option, entry.Key, entry.Value, entry.Start, entry.End - entry.Start, lines));
                    break;
                case "api_version":
                    if (IsV1(entry.Value))
                        findings.Add(new LegacyGlanceConfigFinding(LegacyGlanceConfigIssue.V1ApiVersion, option, entry.Key, entry.Value, entry.Start, entry.End - entry.Start, lines));
                    break;
                case "use_glance_v1":
                    if (string.Equals(entry.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                        findings.Add(new LegacyGlanceConfigFinding(LegacyGlanceConfigIssue.V1ApiVersion, option, entry.Key, entry.Value, entry.Start, entry.End - entry.Start, lines));
                    break;
                case "allowed_direct_url_schemes":
                    foreach (var item in entry.Items)
                        findings.Add(new LegacyGlanceConfigFinding(LegacyGlanceConfigIssue.DirectUrlScheme, option, entry.Key, item.Value, item.Start, item.End - item.Start, lines));
                    break;
            }
        }
        return findings;
    }

    /// <summary>
    /// Rewrites the deprecated <c>host</c>/<c>port</c>/<c>protocol</c> keys of the Glance section to one
    /// <c>api_servers</c> (<c>ApiServers</c>) entry in place of the first of them; when the section already has
    /// <c>api_servers</c> the deprecated keys (which Nova then ignored) are removed. Returns <paramref name="text"/>
    /// unchanged when there is nothing to migrate, or when <c>host</c> is missing (Nova's default was the
    /// compute host's own IP, which a file cannot express).
    /// </summary>
    public static string Migrate(string text, LegacyGlanceConfigKind kind)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var entries = kind == LegacyGlanceConfigKind.NovaConf ? IniScanner.GlanceEntries(text) : JsonScanner.GlanceEntries(text);
        ConfigEntry? host = null, port = null, protocol = null;
        var deprecated = new List<ConfigEntry>();
        var hasApiServers = false;
        foreach (var entry in entries)
        {
            switch (NovaOptionName(entry.Key))
            {
                case "host": host = entry; deprecated.Add(entry); break;
                case "port": port = entry; deprecated.Add(entry); break;
                case "protocol": protocol = entry; deprecated.Add(entry); break;
                case "api_servers": hasApiServers = true; break;
            }
        }
        if (deprecated.Count == 0 || (!hasApiServers && (host is null || host.Value.Trim().Length == 0))) return text;

        string? replacement = null;
        if (!hasApiServers)
        {
            var server = FormatApiServer(protocol?.Value, host!.Value, port?.Value);
            replacement = kind == LegacyGlanceConfigKind.NovaConf
                ? "api_servers = " + server
                : "\"ApiServers\": [ \"" + JsonScanner.Escape(server) + "\" ]";
        }
        return kind == LegacyGlanceConfigKind.NovaConf
            ? IniScanner.Rewrite(text, deprecated, replacement)
            : JsonScanner.Rewrite(text, entries, deprecated, replacement);
    }

    private static bool IsV1(string value)
    {
        var v = value.Trim();
        if (v.StartsWith("v", StringComparison.OrdinalIgnoreCase)) v = v.Substring(1);
        return v == "1" || v.StartsWith("1.", StringComparison.Ordinal);
    }

    // appsettings uses GlanceOptions' property names; map both spellings to Nova's option names.
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

    /// <summary>One key of the Glance section. Start..End covers the whole entry (key through value).</summary>
    internal sealed class ConfigEntry(string key, string value, int start, int end, List<ConfigItem> items)
    {
        public string Key { get; } = key;
        public string Value { get; } = value;
        public int Start { get; } = start;
        public int End { get; } = end;
        /// <summary>List values split into items (comma-separated in INI, array elements in JSON).</summary>
        public List<ConfigItem> Items { get; } = items;
        /// <summary>JSON only: the offset of the comma following the entry, or -1.</summary>
        public int Comma { get; set; } = -1;
    }

    internal readonly struct ConfigItem(string value, int start, int end)
    {
        public string Value { get; } = value;
        public int Start { get; } = start;
        public int End { get; } = end;
    }

    /// <summary>Offsets to 0-based line/column (line breaks: \r\n, \n, \r).</summary>
    internal sealed class LineMap
    {
        private readonly List<int> _starts = new() { 0 };

        public LineMap(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (text[i] == '\n' || text[i] == '\r') _starts.Add(i + 1);
            }
        }

        public void Locate(int offset, out int line, out int column)
        {
            var index = _starts.BinarySearch(offset);
            line = index >= 0 ? index : ~index - 1;
            column = offset - _starts[line];
        }
    }

    private static bool IsLineBreak(char c) => c == '\n' || c == '\r';

    /// <summary>Removes [start, end) and, when nothing else is left on its line(s), the whole line with its break.</summary>
    private static void AddRemoval(string text, int start, int end, List<KeyValuePair<int, int>> removals)
    {
        var lineStart = start;
        while (lineStart > 0 && (text[lineStart - 1] == ' ' || text[lineStart - 1] == '\t')) lineStart--;
        var lineEnd = end;
        while (lineEnd < text.Length && (text[lineEnd] == ' ' || text[lineEnd] == '\t')) lineEnd++;
        var wholeLine = (lineStart == 0 || IsLineBreak(text[lineStart - 1])) && (lineEnd == text.Length || IsLineBreak(text[lineEnd]));
        if (wholeLine)
        {
            if (lineEnd == text.Length)
            {
                // the last line has no break of its own: take the one before it instead
                if (lineStart > 0 && text[lineStart - 1] == '\n') lineStart--;
                if (lineStart > 0 && text[lineStart - 1] == '\r') lineStart--;
            }
            if (lineEnd < text.Length && text[lineEnd] == '\r') lineEnd++;
            if (lineEnd < text.Length && text[lineEnd] == '\n') lineEnd++;
            removals.Add(new KeyValuePair<int, int>(lineStart, lineEnd));
        }
        else
        {
            removals.Add(new KeyValuePair<int, int>(start, lineEnd));
        }
    }

    /// <summary>Applies non-overlapping edits (start, end, new text) to <paramref name="text"/>.</summary>
    private static string Apply(string text, List<KeyValuePair<int, int>> removals, int replaceStart, int replaceEnd, string? replacement)
    {
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var r in removals) edits.Add((r.Key, r.Value, ""));
        if (replacement is not null) edits.Add((replaceStart, replaceEnd, replacement));
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new StringBuilder(text.Length);
        var position = 0;
        foreach (var edit in edits)
        {
            if (edit.Start < position) continue; // overlapping (cannot happen for well-formed entries)
            sb.Append(text, position, edit.Start - position).Append(edit.Text);
            position = edit.End;
        }
        sb.Append(text, position, text.Length - position);
        return sb.ToString();
    }

    /// <summary>oslo.config-style INI: <c>[section]</c>, <c>key = value</c> or <c>key: value</c>, <c>#</c>/<c>;</c> comment lines.</summary>
    private static class IniScanner
    {
        public static List<ConfigEntry> GlanceEntries(string text)
        {
            var entries = new List<ConfigEntry>();
            var inGlance = false;
            var position = 0;
            while (position < text.Length)
            {
                var lineEnd = position;
                while (lineEnd < text.Length && !IsLineBreak(text[lineEnd])) lineEnd++;
                var start = position;
                while (start < lineEnd && (text[start] == ' ' || text[start] == '\t')) start++;
                if (start < lineEnd && start == position)
                {
                    var c = text[start];
                    if (c == '[')
                    {
                        var close = text.IndexOf(']', start);
                        inGlance = close > 0 && close < lineEnd
                            && string.Equals(text.Substring(start + 1, close - start - 1).Trim(), "glance", StringComparison.OrdinalIgnoreCase);
                    }
                    else if (inGlance && c != '#' && c != ';')
                    {
                        var separator = IndexOfSeparator(text, start, lineEnd);
                        if (separator > start)
                        {
                            var key = text.Substring(start, separator - start).Trim();
                            var valueStart = separator + 1;
                            while (valueStart < lineEnd && (text[valueStart] == ' ' || text[valueStart] == '\t')) valueStart++;
                            var end = lineEnd;
                            while (end > valueStart && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
                            if (end <= separator) end = separator + 1;
                            var value = valueStart < end ? text.Substring(valueStart, end - valueStart) : "";
                            entries.Add(new ConfigEntry(key, value, start, end, SplitList(text, valueStart, end)));
                        }
                    }
                }
                position = lineEnd;
                if (position < text.Length && text[position] == '\r') position++;
                if (position < text.Length && text[position] == '\n') position++;
            }
            return entries;
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

        public static string Rewrite(string text, List<ConfigEntry> deprecated, string? replacement)
        {
            var removals = new List<KeyValuePair<int, int>>();
            var first = deprecated[0];
            for (var i = replacement is null ? 0 : 1; i < deprecated.Count; i++)
                AddRemoval(text, deprecated[i].Start, deprecated[i].End, removals);
            return Apply(text, removals, first.Start, first.End, replacement);
        }
    }

    /// <summary>
    /// A tolerant JSON scanner (comments, trailing commas) that keeps offsets: finds the top-level <c>Glance</c>
    /// object (keys compared case-insensitively, as Microsoft.Extensions.Configuration does) and its members.
    /// </summary>
    private sealed class JsonScanner
    {
        private readonly string _text;
        private int _pos;

        private JsonScanner(string text) => _text = text;

        public static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");

        public static List<ConfigEntry> GlanceEntries(string text)
        {
            var scanner = new JsonScanner(text);
            try
            {
                return scanner.ReadRoot();
            }
            catch (FormatException)
            {
                return new List<ConfigEntry>(); // not JSON we understand: report nothing rather than guess
            }
        }

        private List<ConfigEntry> ReadRoot()
        {
            var result = new List<ConfigEntry>();
            SkipTrivia();
            if (Peek() != '{') return result;
            _pos++;
            while (true)
            {
                SkipTrivia();
                if (Peek() == '}') return result;
                var key = ReadString(out _);
                SkipTrivia();
                Expect(':');
                SkipTrivia();
                if (string.Equals(key, "Glance", StringComparison.OrdinalIgnoreCase) && Peek() == '{')
                {
                    result = ReadObjectMembers();
                }
                else
                {
                    SkipValue();
                }
                SkipTrivia();
                if (Peek() == ',') { _pos++; continue; }
                if (Peek() == '}') return result;
                throw new FormatException();
            }
        }

        private List<ConfigEntry> ReadObjectMembers()
        {
            var members = new List<ConfigEntry>();
            Expect('{');
            while (true)
            {
                SkipTrivia();
                if (Peek() == '}') { _pos++; return members; }
                var start = _pos;
                var key = ReadString(out _);
                SkipTrivia();
                Expect(':');
                SkipTrivia();
                var valueStart = _pos;
                var items = new List<ConfigItem>();
                string value;
                if (Peek() == '[')
                {
                    _pos++;
                    while (true)
                    {
                        SkipTrivia();
                        if (Peek() == ']') { _pos++; break; }
                        var itemStart = _pos;
                        if (Peek() == '"')
                        {
                            var item = ReadString(out _);
                            items.Add(new ConfigItem(item, itemStart, _pos));
                        }
                        else
                        {
                            SkipValue();
                        }
                        SkipTrivia();
                        if (Peek() == ',') _pos++;
                    }
                    value = _text.Substring(valueStart, _pos - valueStart);
                }
                else if (Peek() == '"')
                {
                    value = ReadString(out _);
                }
                else
                {
                    SkipValue();
                    value = _text.Substring(valueStart, _pos - valueStart);
                }
                var entry = new ConfigEntry(key, value, start, _pos, items);
                members.Add(entry);
                SkipTrivia();
                if (Peek() == ',') { entry.Comma = _pos; _pos++; continue; }
                if (Peek() == '}') { _pos++; return members; }
                throw new FormatException();
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c) throw new FormatException();
            _pos++;
        }

        private void SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (char.IsWhiteSpace(c)) { _pos++; continue; }
                if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    while (_pos < _text.Length && !IsLineBreak(_text[_pos])) _pos++;
                    continue;
                }
                if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0) throw new FormatException();
                    _pos = end + 2;
                    continue;
                }
                return;
            }
        }

        private string ReadString(out int contentStart)
        {
            Expect('"');
            contentStart = _pos;
            var sb = new StringBuilder();
            while (_pos < _text.Length)
            {
                var c = _text[_pos++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                if (_pos >= _text.Length) break;
                var e = _text[_pos++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length) throw new FormatException();
                        sb.Append((char)int.Parse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _pos += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }
            throw new FormatException();
        }

        private void SkipValue()
        {
            var c = Peek();
            if (c == '"') { ReadString(out _); return; }
            if (c == '{' || c == '[')
            {
                var close = c == '{' ? '}' : ']';
                _pos++;
                while (true)
                {
                    SkipTrivia();
                    if (Peek() == close) { _pos++; return; }
                    if (c == '{')
                    {
                        ReadString(out _);
                        SkipTrivia();
                        Expect(':');
                        SkipTrivia();
                    }
                    SkipValue();
                    SkipTrivia();
                    if (Peek() == ',') _pos++;
                    else if (Peek() != close) throw new FormatException();
                }
            }
            var start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '-' || _text[_pos] == '+' || _text[_pos] == '.')) _pos++;
            if (_pos == start) throw new FormatException();
        }

        public static string Rewrite(string text, List<ConfigEntry> members, List<ConfigEntry> deprecated, string? replacement)
        {
            var removals = new List<KeyValuePair<int, int>>();
            var removed = new HashSet<ConfigEntry>();
            for (var i = replacement is null ? 0 : 1; i < deprecated.Count; i++)
            {
                var entry = deprecated[i];
                removed.Add(entry);
                AddRemoval(text, entry.Start, entry.Comma >= 0 ? entry.Comma + 1 : entry.End, removals);
            }

            // If the last member went away, the member now last keeps a comma JSON readers may reject: drop it.
            ConfigEntry? lastKept = null;
            foreach (var member in members)
                if (!removed.Contains(member)) lastKept = member;
            var lastOriginal = members[members.Count - 1];
            if (lastKept is not null && lastKept != lastOriginal && lastKept.Comma >= 0 && lastOriginal.Comma < 0)
                removals.Add(new KeyValuePair<int, int>(lastKept.Comma, lastKept.Comma + 1));

            return Apply(text, removals, deprecated[0].Start, deprecated[0].End, replacement);
        }
    }
}
