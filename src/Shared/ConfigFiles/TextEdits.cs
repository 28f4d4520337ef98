using System.Collections.Generic;
using System.Text;

namespace NovaImage.ConfigFiles;

/// <summary>Non-overlapping replacements of spans of one text, applied at once so that every offset refers to the original.</summary>
internal sealed class TextEdits(string text)
{
    private readonly List<(int Start, int End, string NewText)> _edits = new();

    public void Replace(int start, int end, string newText) => _edits.Add((start, end, newText));

    public void Remove(int start, int end) => _edits.Add((start, end, ""));

    /// <summary>Removes [start, end) and, when nothing else is left on its line(s), the whole line with its break.</summary>
    public void RemoveWithLine(int start, int end)
    {
        var lineStart = start;
        while (lineStart > 0 && (text[lineStart - 1] == ' ' || text[lineStart - 1] == '\t')) lineStart--;
        var lineEnd = end;
        while (lineEnd < text.Length && (text[lineEnd] == ' ' || text[lineEnd] == '\t')) lineEnd++;
        var wholeLine = (lineStart == 0 || LineMap.IsLineBreak(text[lineStart - 1])) && (lineEnd == text.Length || LineMap.IsLineBreak(text[lineEnd]));
        if (!wholeLine)
        {
            Remove(start, lineEnd);
            return;
        }
        if (lineEnd == text.Length)
        {
            // the last line has no break of its own: take the one before it instead
            if (lineStart > 0 && text[lineStart - 1] == '\n') lineStart--;
            if (lineStart > 0 && text[lineStart - 1] == '\r') lineStart--;
        }
        if (lineEnd < text.Length && text[lineEnd] == '\r') lineEnd++;
        if (lineEnd < text.Length && text[lineEnd] == '\n') lineEnd++;
        Remove(lineStart, lineEnd);
    }

    public string Apply()
    {
        _edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new StringBuilder(text.Length);
        var position = 0;
        foreach (var edit in _edits)
        {
            if (edit.Start < position) continue; // overlapping (cannot happen for well-formed entries)
            sb.Append(text, position, edit.Start - position).Append(edit.NewText);
            position = edit.End;
        }
        sb.Append(text, position, text.Length - position);
        return sb.ToString();
    }
}
