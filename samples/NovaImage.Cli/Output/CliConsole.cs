using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NovaImage.Cli.Output;

/// <summary>
/// Where a command writes: results to stdout (tables for people, JSON with <c>--json</c>), messages and progress
/// to stderr so that stdout stays parseable. Progress bars only when stderr is a terminal.
/// </summary>
internal sealed class CliConsole
{
    private readonly IAnsiConsole _out;
    private readonly IAnsiConsole _err;
    private readonly TextWriter _stdout = Console.Out;
    private readonly TextWriter _stderr = Console.Error;

    public CliConsole(bool json, OutputSelection output)
    {
        Json = json;
        Output = output;
        _out = Create(_stdout, interactive: !Console.IsOutputRedirected);
        _err = Create(_stderr, interactive: !Console.IsErrorRedirected);
        ShowProgress = !Console.IsErrorRedirected;
    }

    /// <summary>JSON output was asked for.</summary>
    public bool Json { get; }

    /// <summary>The format and columns of the result (<c>-f</c>, <c>-c</c>).</summary>
    public OutputSelection Output { get; }

    /// <summary>Whether transfers show a progress bar: stderr is a terminal (also with <c>--json</c>, whose result goes to stdout).</summary>
    public bool ShowProgress { get; }

    /// <summary>Writes a result as JSON (with <c>--json</c>); returns false when the caller should render for people.</summary>
    public bool TryWriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        if (!Json) return false;
        WriteJson(writer => JsonSerializer.Serialize(writer, value, typeInfo));
        return true;
    }

    /// <summary>A JSON document on stdout as it is (e.g. Glance's own image document).</summary>
    public void WriteJson(JsonElement document) => WriteJson(document.WriteTo);

    /// <summary>One result in the chosen format (<c>-f</c>), with the chosen columns (<c>-c</c>).</summary>
    public void Write(OutputRecord record)
    {
        var chosen = Output.Select(record.Fields.Select(f => f.Key).ToList()).Select(i => record.Fields[i]).ToList();
        switch (Output.Format)
        {
            case OutputFormat.Table:
                var table = new Table().AddColumns("Field", "Value");
                foreach (var (name, value) in chosen) table.AddRow(TerminalText.Cell(name), TerminalText.Cell(HumanText.Of(value)));
                Write(table);
                break;
            case OutputFormat.Value:
                foreach (var (_, value) in chosen) Line(HumanText.Of(value));
                break;
            default:
                WriteStructured(new JsonObject(chosen.Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone()))));
                break;
        }
    }

    /// <summary>A listing in the chosen format (<c>-f</c>), with the chosen columns (<c>-c</c>).</summary>
    public void Write(OutputRows rows)
    {
        var chosen = Output.Select(rows.Columns);
        switch (Output.Format)
        {
            case OutputFormat.Table:
                var table = new Table().AddColumns(chosen.Select(i => new TableColumn(TerminalText.Cell(rows.Columns[i]))).ToArray());
                foreach (var row in rows.Rows) table.AddRow(chosen.Select(i => TerminalText.Cell(HumanText.Of(row[i]))));
                Write(table);
                break;
            case OutputFormat.Value:
                foreach (var row in rows.Rows) Line(string.Join(' ', chosen.Select(i => HumanText.Of(row[i]))));
                break;
            default:
                WriteStructured(new JsonArray(rows.Rows
                    .Select(row => (JsonNode)new JsonObject(chosen.Select(i => KeyValuePair.Create(rows.Columns[i], row[i]?.DeepClone()))))
                    .ToArray()));
                break;
        }
    }

    // -f json / -f yaml: the machine-readable values (lists and mappings as such); strings escaped by the format.
    private void WriteStructured(JsonNode node)
    {
        if (Output.Format == OutputFormat.Yaml) _stdout.Write(YamlText.Of(node));
        else WriteJson(writer => node.WriteTo(writer));
    }

    private void WriteJson(Action<Utf8JsonWriter> write)
    {
        using (var stream = Console.OpenStandardOutput())
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        _stdout.WriteLine();
    }

    public void Write(IRenderable renderable) => _out.Write(renderable);

    // Every line below may carry text from Glance (names, locations, messages): printed sanitized (TerminalText).

    /// <summary>A plain result line on stdout (not markup).</summary>
    public void Line(string text) => _stdout.WriteLine(TerminalText.Sanitize(text));

    /// <summary>A status message for people on stderr (never part of the result).</summary>
    public void Status(string text) => _stderr.WriteLine(TerminalText.Sanitize(text));

    /// <summary>One warning line on stderr (the command goes on).</summary>
    public void Warning(string text) => _stderr.WriteLine($"novaimage: warning: {TerminalText.Sanitize(text)}");

    /// <summary>One error line on stderr.</summary>
    public static void Error(string text) => Console.Error.WriteLine($"novaimage: error: {TerminalText.Sanitize(text)}");

    /// <summary>Runs a transfer with a progress bar on stderr when attached to a terminal, quietly otherwise.</summary>
    public async Task<T> TransferAsync<T>(string description, long? totalBytes, Func<IProgress<TransferProgress>?, Task<T>> transfer)
    {
        if (!ShowProgress) return await transfer(null);
        return await _err.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: totalBytes ?? 1);
                task.IsIndeterminate = totalBytes is null;
                var progress = new SynchronousProgress(p =>
                {
                    if (p.TotalBytes is { } total) { task.MaxValue = total; task.IsIndeterminate = false; }
                    task.Value = p.BytesTransferred;
                });
                var result = await transfer(progress);
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    private static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        // Redirected output has no width; do not squeeze tables (ids and hashes) into 80 columns.
        if (!interactive) console.Profile.Width = 240;
        return console;
    }

    /// <summary>Reports on the reporting thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<TransferProgress> report) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => report(value);
    }
}
