using System.CommandLine;

namespace NovaImage.Cli.Commands;

/// <summary>Arguments and option parsers shared by several commands.</summary>
internal static class CommonArguments
{
    public static Argument<string> ImageId() => new("image") { Description = "The image: its ID, or a name exactly one image has" };

    public static Argument<string> MemberId() => new("project-id") { Description = "The member project's ID" };

    public static Option<string> Visibility(string description) => new Option<string>("--visibility") { Description = description }
        .AcceptOnly("public", "private", "shared", "community");

    /// <summary><c>--property key=value</c>, repeatable.</summary>
    public static Option<string[]> Properties(string description) => new("--property")
    {
        Description = description,
        HelpName = "KEY=VALUE",
        Arity = ArgumentArity.OneOrMore,
        Validators = { result =>
        {
            foreach (var token in result.Tokens)
                if (!token.Value.Contains('=') || token.Value.StartsWith('='))
                    result.AddError($"--property must look like KEY=VALUE, not '{token.Value}'");
        } },
    };

    /// <summary>A count option that must be positive when given (<c>--limit -1</c> or <c>0</c> is a usage error, not "no limit").</summary>
    public static Option<int?> PositiveCount(string name, string description) => new(name)
    {
        Description = description,
        Validators = { result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0 and var value) result.AddError($"{name} must be a positive number, not {value}");
        } },
    };

    public static Dictionary<string, string> ParseProperties(string[]? values) =>
        (values ?? []).Select(v => v.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);

    public static ImageVisibility? ParseVisibility(string? value) => value switch
    {
        null => null,
        "public" => ImageVisibility.Public,
        "private" => ImageVisibility.Private,
        "shared" => ImageVisibility.Shared,
        "community" => ImageVisibility.Community,
        _ => throw new UsageException($"unknown visibility '{value}'"),
    };

    private static Option<string> AcceptOnly(this Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
