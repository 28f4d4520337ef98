using System.Text.Json;
using System.Text.Json.Nodes;

namespace NovaImage.Cli.Output;

/// <summary>
/// A JSON value as people read it in a table or with <c>-f value</c>, the way OpenStackClient's columns show them: a
/// list as <c>a, b</c>, a mapping as <c>key='value', other='x'</c>, nested ones bracketed, null as nothing. Not yet
/// sanitized: the caller prints through <see cref="TerminalText"/>.
/// </summary>
internal static class HumanText
{
    public static string Of(JsonNode? node) => Of(node, nested: false);

    private static string Of(JsonNode? node, bool nested) => node switch
    {
        null => "",
        JsonObject mapping => Bracket(string.Join(", ", mapping.Select(p => $"{p.Key}={Quoted(p.Value)}")), "{", "}", nested),
        JsonArray list => Bracket(string.Join(", ", list.Select(item => Of(item, nested: true))), "[", "]", nested),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "",
            _ => node.ToJsonString(),
        },
    };

    private static string Quoted(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String ? $"'{value.GetValue<string>()}'" : Of(value, nested: true);

    private static string Bracket(string text, string open, string close, bool nested) => nested ? open + text + close : text;
}
