using System.CommandLine;

namespace NovaImage.Cli.Output;

/// <summary>
/// <c>-f/--format table|json|value|yaml</c> and <c>-c/--column NAME</c> (repeatable), on every command that prints a
/// result, as OpenStackClient has them. Not global: <c>image download</c> keeps <c>-f</c> for <c>--file</c>.
/// </summary>
internal static class OutputOptions
{
    public static readonly Option<OutputFormat?> Format = new("--format", "-f")
    {
        Description = "Output format: table (default), json, value or yaml",
        HelpName = "table|json|value|yaml",
        CustomParser = result => result.Tokens[0].Value switch
        {
            "table" => OutputFormat.Table,
            "json" => OutputFormat.Json,
            "value" => OutputFormat.Value,
            "yaml" => OutputFormat.Yaml,
            var other => Fail(result, other),
        },
    };

    public static readonly Option<string[]> Column = new("--column", "-c")
    {
        Description = "Show only this column (repeatable); names as in the table, case and '_'/' ' ignored",
        HelpName = "COLUMN",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Adds <c>-f</c> and <c>-c</c> to <paramref name="command"/> (the same two options on every command).</summary>
    public static Command WithOutputOptions(this Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Column);
        command.Validators.Add(result =>
        {
            if (result.GetValue(GlobalOptions.Json) && (result.GetResult(Format) is not null || result.GetResult(Column) is not null))
                result.AddError("--json prints Glance's own document; it cannot be combined with -f/--format or -c/--column");
        });
        return command;
    }

    /// <summary>What the user asked for on this command line.</summary>
    public static OutputSelection Read(ParseResult parse) => parse.CommandResult.Command.Options.Contains(Format)
        ? new(parse.GetValue(Format) ?? OutputFormat.Table, parse.GetValue(Column) ?? [])
        : new(OutputFormat.Table, []);

    private static OutputFormat? Fail(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"-f/--format must be table, json, value or yaml, not '{value}'");
        return null;
    }
}
