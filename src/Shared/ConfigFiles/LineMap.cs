using System.Collections.Generic;

namespace NovaImage.ConfigFiles;

/// <summary>Offsets to 0-based line/column (line breaks: \r\n, \n, \r).</summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = new() { 0 };

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (IsLineBreak(text[i])) _starts.Add(i + 1);
        }
    }

    public static bool IsLineBreak(char c) => c == '\n' || c == '\r';

    public void Locate(int offset, out int line, out int column)
    {
        var index = _starts.BinarySearch(offset);
        line = index >= 0 ? index : ~index - 1;
        column = offset - _starts[line];
    }
}
