using System;
using System.Collections.Generic;

namespace NovaImage.ConfigFiles;

/// <summary>
/// Finds Nova's deprecated Glance options, v1 selection and direct-download schemes in nova.conf and appsettings
/// files, with their positions. The analyzer reports them as diagnostics and <c>novaimage config check</c> prints them.
/// </summary>
internal static class ConfigScanner
{
    /// <summary>
    /// The format of a file from its name: <c>*.conf</c>/<c>*.ini</c> are nova.conf-style, <c>appsettings*.json</c>
    /// is JSON; null for anything else.
    /// </summary>
    public static ConfigFileKind? KindFromPath(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var name = path;
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (slash >= 0) name = name.Substring(slash + 1);
        if (name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ini", StringComparison.OrdinalIgnoreCase))
            return ConfigFileKind.NovaConf;
        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return ConfigFileKind.AppSettingsJson;
        return null;
    }

    /// <summary>The entries of the Glance section (<c>[glance]</c> or <c>"Glance"</c>), in document order.</summary>
    public static List<ConfigEntry> GlanceEntries(string text, ConfigFileKind kind) =>
        kind == ConfigFileKind.NovaConf ? IniScanner.GlanceEntries(text) : JsonScanner.GlanceEntries(text);

    /// <summary>Everything worth reporting in <paramref name="text"/>, in document order.</summary>
    public static IReadOnlyList<ConfigFinding> Find(string text, ConfigFileKind kind)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var lines = new LineMap(text);
        var findings = new List<ConfigFinding>();
        foreach (var entry in GlanceEntries(text, kind))
        {
            switch (entry.Option)
            {
                case "host":
                case "port":
                case "protocol":
                    findings.Add(new ConfigFinding(ConfigIssue.DeprecatedOption, entry, entry.Value, entry.Start, entry.End, lines));
                    break;
                case "api_version" when IsV1(entry.Value):
                case "use_glance_v1" when string.Equals(entry.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase):
                    findings.Add(new ConfigFinding(ConfigIssue.V1ApiVersion, entry, entry.Value, entry.Start, entry.End, lines));
                    break;
                case "allowed_direct_url_schemes":
                    foreach (var item in entry.Items)
                        findings.Add(new ConfigFinding(ConfigIssue.DirectUrlScheme, entry, item.Value, item.Start, item.End, lines));
                    break;
            }
        }
        return findings;
    }

    private static bool IsV1(string value)
    {
        var v = value.Trim();
        if (v.StartsWith("v", StringComparison.OrdinalIgnoreCase)) v = v.Substring(1);
        return v == "1" || v.StartsWith("1.", StringComparison.Ordinal);
    }
}
