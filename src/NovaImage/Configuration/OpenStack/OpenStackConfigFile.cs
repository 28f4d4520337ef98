using SharpYaml;
using SharpYaml.Model;
using Path = System.IO.Path;

namespace NovaImage;

/// <summary>
/// Finds and reads clouds.yaml and secure.yaml as openstacksdk does: the first file that exists among the
/// <c>OS_CLIENT_CONFIG_FILE</c> / <c>OS_CLIENT_SECURE_FILE</c> override, then the current directory,
/// <c>~/.config/openstack</c> (<c>$XDG_CONFIG_HOME/openstack</c> when set) and <c>/etc/openstack</c>, each with the
/// suffixes <c>.yaml</c>, <c>.yml</c> and <c>.json</c>. Files are read as plain trees (mappings, sequences, strings).
/// </summary>
internal static class OpenStackConfigFile
{
    private static readonly string[] Suffixes = [".yaml", ".yml", ".json"];

    /// <summary>The directories searched, in order.</summary>
    public static IReadOnlyList<string> SearchDirectories(IReadOnlyDictionary<string, string?> environment, string currentDirectory)
    {
        var directories = new List<string> { currentDirectory };
        if (Variable(environment, "XDG_CONFIG_HOME") is { } xdg) directories.Add(Path.Combine(xdg, "openstack"));
        if (Variable(environment, "HOME") is { } home) directories.Add(Path.Combine(home, ".config", "openstack"));
        directories.Add("/etc/openstack");
        return directories.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The candidate paths for <paramref name="name"/> (<c>clouds</c> or <c>secure</c>), the override first.</summary>
    public static IReadOnlyList<string> Candidates(string name, string? overridePath, IReadOnlyList<string> directories)
    {
        var paths = new List<string>();
        if (overridePath is not null) paths.Add(overridePath);
        foreach (var directory in directories)
        {
            foreach (var suffix in Suffixes) paths.Add(Path.Combine(directory, name + suffix));
        }
        return paths;
    }

    /// <summary>The first readable candidate and its top-level mapping; null when none exists.</summary>
    public static (string Path, Dictionary<string, object?> Root)? ReadFirst(IReadOnlyList<string> candidates)
    {
        foreach (var path in candidates)
        {
            if (!File.Exists(path)) continue;
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (UnauthorizedAccessException)
            {
                continue; // openstacksdk passes over a file it may not read (e.g. /etc/openstack for other users)
            }
            return (path, Parse(text, path));
        }
        return null;
    }

    /// <summary>The top-level mapping of a YAML (or JSON) document; an empty document is an empty mapping.</summary>
    public static Dictionary<string, object?> Parse(string text, string path)
    {
        YamlStream stream;
        try
        {
            stream = YamlStream.Load(new StringReader(text), null);
        }
        catch (YamlException exception)
        {
            throw new GlanceConfigurationException($"{path} is not valid YAML: {exception.Message}", innerException: exception);
        }
        if (stream.Count == 0 || stream[0].Contents is null) return new(StringComparer.Ordinal);
        return ToTree(stream[0].Contents) as Dictionary<string, object?>
            ?? throw new GlanceConfigurationException($"{path} is not a YAML mapping (expected 'clouds:' at the top).");
    }

    /// <summary>
    /// <paramref name="overlay"/> merged into <paramref name="baseTree"/> (secure.yaml over clouds.yaml): mappings merge
    /// key by key, recursively; anything else in the overlay replaces what was there.
    /// </summary>
    public static Dictionary<string, object?> Merge(Dictionary<string, object?> baseTree, Dictionary<string, object?> overlay)
    {
        var merged = new Dictionary<string, object?>(baseTree, StringComparer.Ordinal);
        foreach (var (key, value) in overlay)
        {
            merged[key] = merged.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> under && value is Dictionary<string, object?> over
                ? Merge(under, over)
                : value;
        }
        return merged;
    }

    private static object? ToTree(YamlElement? element) => element switch
    {
        YamlMapping mapping => ToMapping(mapping),
        YamlSequence sequence => sequence.Select(ToTree).ToList(),
        YamlValue { Style: ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" or "" } => null,
        YamlValue value => value.Value,
        _ => null,
    };

    // A key written twice keeps its last value, as PyYAML (and so openstacksdk) does.
    private static Dictionary<string, object?> ToMapping(YamlMapping mapping)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping)
        {
            if (key is not YamlValue scalar) throw new GlanceConfigurationException("clouds.yaml: a mapping key that is not a plain value is not supported.");
            result[scalar.Value] = ToTree(value);
        }
        return result;
    }

    private static string? Variable(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
