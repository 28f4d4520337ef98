using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>
/// Text from Glance is printed without its control characters: an image name or property value carrying terminal
/// escape sequences (set the window title, clear the screen, a C1 CSI, a bidi override) is shown escaped in tables
/// and error lines, and JSON output escapes the control characters. Before, the sequences reached the user's terminal raw.
/// </summary>
public sealed class TerminalSafetyTests
{
    private const string Hostile = "evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202Eexe.txt";
    private const string Shown = @"evil\x1B]0;pwned\x07\x1B[2J\x9B31m\u202Eexe.txt";

    [Fact]
    public async Task Escape_sequences_in_names_and_properties_are_shown_escaped_in_tables_and_escaped_in_json()
    {
        var name = $"{Hostile}-{Guid.NewGuid():N}";
        var created = await NovaImageCli.RunAsync("image", "create", "--name", name, "--disk-format", "raw", "--container-format", "bare",
            "--property", $"note={Hostile}", "--json");
        NovaImageCli.AssertSucceeded(created);
        // JSON is for programs: the serializer escapes C0/C1 controls (it leaves bidi characters, which move no cursor).
        Assert.DoesNotContain(created.StandardOutput, c => char.IsControl(c) && c is not '\n' and not '\r');
        using var json = JsonDocument.Parse(created.StandardOutput);
        Assert.Equal(name, json.RootElement.GetProperty("name").GetString()); // the JSON escapes carry the exact value
        var id = json.RootElement.GetProperty("id").GetString()!;

        var show = await NovaImageCli.RunAsync("image", "show", id);
        NovaImageCli.AssertSucceeded(show);
        AssertNoControlCharacters(show.StandardOutput);
        Assert.Contains(Shown, show.StandardOutput, StringComparison.Ordinal);

        var list = await NovaImageCli.RunAsync("image", "list", "--name", name);
        NovaImageCli.AssertSucceeded(list);
        AssertNoControlCharacters(list.StandardOutput);
        Assert.Contains(id, list.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escape_sequences_in_an_error_line_are_shown_escaped()
    {
        var result = await NovaImageCli.RunAsync("image", "show", Hostile);

        Assert.NotEqual(0, result.ExitCode);
        AssertNoControlCharacters(result.StandardError);
        Assert.Contains(Shown, result.StandardError, StringComparison.Ordinal);
    }

    private static void AssertNoControlCharacters(string output)
    {
        var raw = output.Where(c => (char.IsControl(c) && c is not '\n' and not '\r') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069').ToArray();
        Assert.True(raw.Length == 0, $"raw control characters {string.Join(' ', raw.Select(c => $"U+{(int)c:X4}"))} in:\n{output}");
    }
}
