using System.CommandLine;
using NovaImage.Cli.Glance;
using NovaImage.Cli.Output;

namespace NovaImage.Cli;

/// <summary>
/// Runs every command's action the same way: resolve the global settings, run, and turn any failure into one
/// line on stderr and the documented exit code (the full exception only with <c>--debug</c>).
/// </summary>
internal static class CommandActions
{
    public static void Set(Command command, Func<CommandContext, CancellationToken, Task<int>> action) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, action, cancellationToken));

    public static void Set(Command command, Func<CommandContext, CancellationToken, Task> action) =>
        Set(command, async (context, cancellationToken) =>
        {
            await action(context, cancellationToken);
            return ExitCodes.Success;
        });

    private static async Task<int> RunAsync(ParseResult parse, Func<CommandContext, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var debug = parse.GetValue(GlobalOptions.Debug);
        try
        {
            var settings = GlobalOptions.Resolve(parse);
            await using var context = new CommandContext(parse, settings, new CliConsole(settings.Json, OutputOptions.Read(parse)));
            return await action(context, cancellationToken);
        }
        catch (Exception exception)
        {
            Report(exception);
            if (debug) Console.Error.WriteLine(TerminalText.SanitizeLines(exception.ToString()));
            return ExitCodes.For(exception);
        }
    }

    /// <summary>The error line on stderr; for an ambiguous image name, the candidates (id, name, status, owner) below it.</summary>
    public static void Report(Exception exception, string? prefix = null)
    {
        CliConsole.Error(prefix + Describe(exception));
        if (exception is AmbiguousImageNameException ambiguous)
            foreach (var image in ambiguous.Candidates)
                Console.Error.WriteLine(TerminalText.Sanitize($"  {image.Id}  name={image.Name}  status={ImageRendering.Words(image.Status)}  owner={image.Owner}"));
    }

    /// <summary>One line: the message of the exception that says what happened (GlanceException already names image, server and cause).</summary>
    private static string Describe(Exception exception) => exception switch
    {
        OperationCanceledException => "cancelled",
        ImageNotVerifiableException => $"{exception.Message}; nothing was written (--allow-unverified downloads it anyway)",
        FileNotFoundException notFound => $"file not found: {notFound.FileName ?? notFound.Message}",
        _ => exception.Message.ReplaceLineEndings(" "), // one line; CliConsole.Error shows any other control character as an escape
    };
}
