using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NovaImage.ConfigFiles;

/// <summary>
/// A tolerant JSON scanner (comments, trailing commas) that keeps offsets: finds the top-level <c>Glance</c>
/// object (keys compared case-insensitively, as Microsoft.Extensions.Configuration does) and its members.
/// Hand-written because the analyzer (netstandard2.0) has no System.Text.Json and a parser there would lose offsets.
/// </summary>
internal sealed class JsonScanner
{
    private readonly string _text;
    private int _pos;

    private JsonScanner(string text) => _text = text;

    /// <summary>The members of the <c>Glance</c> object in document order; none when the text is not JSON this scanner understands.</summary>
    public static List<ConfigEntry> GlanceEntries(string text)
    {
        var scanner = new JsonScanner(text);
        try
        {
            return scanner.ReadRoot();
        }
        catch (FormatException)
        {
            return new List<ConfigEntry>(); // report nothing rather than guess
        }
    }

    /// <summary>The content of a JSON string literal for <paramref name="value"/> (without the quotes).</summary>
    public static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");

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
            var key = ReadString();
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
            var key = ReadString();
            SkipTrivia();
            Expect(':');
            SkipTrivia();
            var valueStart = _pos;
            var items = new List<ConfigItem>();
            string value;
            if (Peek() == '[')
            {
                ReadStringItems(items);
                value = _text.Substring(valueStart, _pos - valueStart);
            }
            else if (Peek() == '"')
            {
                value = ReadString();
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

    /// <summary>Reads an array, keeping its string elements (with spans) as items and skipping the others.</summary>
    private void ReadStringItems(List<ConfigItem> items)
    {
        Expect('[');
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']') { _pos++; return; }
            var itemStart = _pos;
            if (Peek() == '"')
            {
                var item = ReadString();
                items.Add(new ConfigItem(item, itemStart, _pos));
            }
            else
            {
                SkipValue();
            }
            SkipTrivia();
            if (Peek() == ',') _pos++;
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
                while (_pos < _text.Length && !LineMap.IsLineBreak(_text[_pos])) _pos++;
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

    private string ReadString()
    {
        Expect('"');
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
        if (c == '"') { ReadString(); return; }
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
                    ReadString();
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
}
