using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using NovaImage.Cli.Commands;
using NovaImage.Cli.Output;

namespace NovaImage.Cli;

/// <summary>The <c>novaimage</c> command tree and its entry point.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRootCommand();
        var parse = root.Parse(args);
        // Errors only count when they would stop the command: `image import --help` shows help, not "--method is required".
        if (parse.Action is ParseErrorAction)
        {
            // One line per problem and the usage-error exit code; the full help only on request.
            foreach (var error in parse.Errors) CliConsole.Error(GlobalOptions.RedactSecrets(error.Message, args));
            Console.Error.WriteLine($"Run '{string.Join(' ', CommandPath(parse.CommandResult.Command))} --help' for usage.");
            return ExitCodes.UsageError;
        }
        using var signals = new TerminationSignals();
        // No ProcessTerminationTimeout: System.CommandLine would exit at once on a signal; TerminationSignals cancels
        // the command and lets it clean up instead.
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
        // A command stopped by a signal reports the signal (130, 143, 129); one that finished first keeps its code.
        return exitCode == ExitCodes.Cancelled && signals.ExitCode is { } signalled ? signalled : exitCode;
    }

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("novaimage: OpenStack Glance images from the command line (Glance v2, v1 where configured).");
        foreach (var option in GlobalOptions.All) root.Options.Add(option);
        root.Subcommands.Add(VersionsCommand.Create());
        root.Subcommands.Add(ImageCommands.Create());
        root.Subcommands.Add(StoresCommand.Create());
        root.Subcommands.Add(ConfigCommands.Create());
        AddExitCodesToHelp(root);
        return root;
    }

    /// <summary>The root's <c>--help</c> ends with the exit codes and environment variables.</summary>
    private static void AddExitCodesToHelp(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction standard) help.Action = new HelpWithEpilogAction(standard);
    }

    private sealed class HelpWithEpilogAction(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = standard.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand) parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.HelpText);
            return result;
        }
    }

    private static IEnumerable<string> CommandPath(Command command) =>
        command.Parents.OfType<Command>().SelectMany(CommandPath).Append(command is RootCommand ? "novaimage" : command.Name);
}
