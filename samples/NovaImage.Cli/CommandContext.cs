using System.CommandLine;
using NovaImage.Cli.Glance;
using NovaImage.Cli.Hosting;
using NovaImage.Cli.Output;

namespace NovaImage.Cli;

/// <summary>What a command's action works with: its parsed values, the global settings, the console and Glance.</summary>
internal sealed class CommandContext(ParseResult parse, CliSettings settings, CliConsole console) : IAsyncDisposable
{
    private GlanceSession? _session;

    public ParseResult Parse { get; } = parse;
    public CliSettings Settings { get; } = settings;
    public CliConsole Console { get; } = console;

    /// <summary>The Glance client, configured from the global options (created on first use).</summary>
    public GlanceSession Glance => _session ??= GlanceSession.Open(Settings);

    public CliImageApi Images => Glance.Images;

    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;
    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public ValueTask DisposeAsync() => _session?.DisposeAsync() ?? ValueTask.CompletedTask;
}
