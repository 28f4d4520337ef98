using Microsoft.Extensions.Configuration;
using NovaImage.ConfigFiles;

namespace NovaImage.Cli.Hosting;

/// <summary>Reads <c>--config</c>: nova.conf (INI, <c>[glance]</c>) or appsettings.json (<c>Glance</c> section).</summary>
internal static class ConfigurationFile
{
    public static IConfiguration Load(string? path)
    {
        var builder = new ConfigurationBuilder();
        if (path is null) return builder.Build();
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new UsageException($"configuration file {full} does not exist");
        try
        {
            return (KindOf(full) == ConfigFileKind.NovaConf ? builder.AddIniFile(full) : builder.AddJsonFile(full)).Build();
        }
        catch (FormatException exception)
        {
            throw new UsageException($"cannot read {full}: {exception.Message}");
        }
        catch (InvalidDataException exception)
        {
            throw new UsageException($"cannot read {full}: {exception.Message}");
        }
    }

    /// <summary>nova.conf-style (<c>*.conf</c>, <c>*.ini</c>) or JSON (<c>*.json</c>).</summary>
    public static ConfigFileKind KindOf(string path) =>
        ConfigScanner.KindFromPath(path)
        ?? (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? ConfigFileKind.AppSettingsJson
            : throw new UsageException($"cannot tell the format of {path}: expected a nova.conf-style *.conf/*.ini file or a *.json file"));
}
