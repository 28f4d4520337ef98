using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NovaImage.Cli.Output;

/// <summary>
/// <c>-f yaml</c>: a JSON value (mappings, sequences, scalars) as a YAML document, block style like PyYAML's
/// (cliff's yaml formatter). Hand-written rather than SharpYaml's emitter (the YAML package the repository reads
/// clouds.yaml with): every string is double-quoted with YAML escapes for control characters and also for bidi
/// controls (<c>\u202E</c>); SharpYaml 3.17 writes a bidi override raw inside a double-quoted scalar, even to an
/// ASCII writer (checked), and that would reorder what the user reads. So the document round-trips exactly and cannot
/// drive the terminal.
/// </summary>
internal static class YamlText
{
    public static string Of(JsonNode? node)
    {
        var yaml = new StringBuilder();
        if (IsBlock(node)) Block(yaml, node!, 0, continuesLine: false);
        else yaml.Append(Scalar(node)).Append('\n');
        return yaml.ToString();
    }

    // A non-empty mapping or sequence at column indent; continuesLine: its first entry goes on the current line (after "- ").
    private static void Block(StringBuilder yaml, JsonNode node, int indent, bool continuesLine)
    {
        IEnumerable<(string? Key, JsonNode? Value)> entries = node is JsonObject mapping
            ? mapping.Select(p => ((string?)p.Key, p.Value))
            : node.AsArray().Select(item => ((string?)null, item));
        foreach (var (key, value) in entries)
        {
            if (!continuesLine) yaml.Append(' ', indent);
            continuesLine = false;
            if (key is null)
            {
                yaml.Append("- ");
                if (IsBlock(value)) Block(yaml, value!, indent + 2, continuesLine: true);
                else yaml.Append(Scalar(value)).Append('\n');
                continue;
            }
            yaml.Append(Key(key)).Append(':');
            if (IsBlock(value))
            {
                yaml.Append('\n');
                Block(yaml, value!, indent + 2, continuesLine: false);
            }
            else yaml.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static bool IsBlock(JsonNode? node) => node is JsonObject { Count: > 0 } or JsonArray { Count: > 0 };

    // Keys such as id, os_hash_algo or "Disk Format" stay plain; anything else is quoted.
    private static string Key(string key) =>
        key.Length > 0 && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' ') && !key.EndsWith(' ')
        && key.ToLowerInvariant() is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "y" or "n")
            ? key
            : Quote(key);

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => Quote(node.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => node.ToJsonString(), // a number, as Glance sent it
        },
    };

    /// <summary>A YAML double-quoted scalar: backslash and quote escaped, every control and bidi character as an escape.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\\') builder.Append('\\').Append(c);
            else if (c <= '\u00FF' && char.IsControl(c)) builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            else if (TerminalText.IsUnsafe(c) || c is '\u2028' or '\u2029' or '\uFEFF' || IsLoneSurrogate(text, i))
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else builder.Append(c);
        }
        return builder.Append('"').ToString();
    }

    private static bool IsLoneSurrogate(string text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
        : char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
}
