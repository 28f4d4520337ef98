using System.Globalization;
using System.Text;
using Spectre.Console;

namespace NovaImage.Cli.Output;

/// <summary>
/// Makes text from Glance (names, property values, error bodies, locations) safe to print on a terminal: an image
/// named <c>"\e]0;...\a"</c> or <c>"\e[2J"</c> must not retitle or clear the user's terminal, and a bidi override must
/// not reorder what the user reads. Such characters are shown as visible escapes (<c>\x1B</c>, <c>\u202E</c>);
/// everything else is printed as is. JSON output needs none of this: the serializer escapes control characters.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text with every C0/C1 control character (newlines included) and bidi control shown as an escape.</summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.Any(IsUnsafe)) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsUnsafe(c)) builder.Append(c);
            else if (c <= '\u00FF') builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            else builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        return builder.ToString();
    }

    /// <summary>Several lines (e.g. a stack trace with <c>--debug</c>), each sanitized.</summary>
    public static string SanitizeLines(string text) =>
        string.Join(Environment.NewLine, text.ReplaceLineEndings("\n").Split('\n').Select(Sanitize));

    /// <summary>
    /// A table cell showing <paramref name="text"/> literally (no control characters). Plain <see cref="Text"/>, not an
    /// escaped <see cref="Markup"/>: the same output without parsing markup in every cell (a 2,000-image list has 12,000).
    /// </summary>
    public static Text Cell(string? text) => new(Sanitize(text));

    // C0, DEL and C1 controls, and the Unicode bidi embeddings, overrides and isolates (CVE-2021-42574).
    public static bool IsUnsafe(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
