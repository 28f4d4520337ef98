using System;
using System.Collections.Generic;

namespace NovaImage.ConfigFiles;

/// <summary>
/// Rewrites Nova's deprecated <c>host</c>/<c>port</c>/<c>protocol</c> to <c>api_servers</c>, textually: comments, key
/// order and the formatting of everything else survive. <c>novaimage config migrate</c> and the NIMG0201 code fix run it.
/// </summary>
internal static class ConfigMigration
{
    /// <summary>
    /// Rewrites the deprecated <c>host</c>/<c>port</c>/<c>protocol</c> keys of the Glance section to one
    /// <c>api_servers</c> (<c>ApiServers</c>) entry in place of the first of them; when the section already has
    /// <c>api_servers</c> the deprecated keys (which Nova then ignored) are removed. Returns <paramref name="text"/>
    /// itself when there is nothing to migrate, or when <c>host</c> is missing (Nova's default was the compute host's
    /// own IP, which a file cannot express).
    /// </summary>
    public static string Migrate(string text, ConfigFileKind kind)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var entries = ConfigScanner.GlanceEntries(text, kind);
        ConfigEntry? host = null, port = null, protocol = null;
        var deprecated = new List<ConfigEntry>();
        var hasApiServers = false;
        foreach (var entry in entries)
        {
            switch (entry.Option)
            {
                case "host": host = entry; deprecated.Add(entry); break;
                case "port": port = entry; deprecated.Add(entry); break;
                case "protocol": protocol = entry; deprecated.Add(entry); break;
                case "api_servers": hasApiServers = true; break;
            }
        }
        if (deprecated.Count == 0 || (!hasApiServers && (host is null || host.Value.Trim().Length == 0))) return text;

        var edits = new TextEdits(text);
        var removed = new HashSet<ConfigEntry>();
        // with api_servers already set, every deprecated key goes; otherwise the first becomes api_servers
        var first = 0;
        if (!hasApiServers)
        {
            edits.Replace(deprecated[0].Start, deprecated[0].End, ApiServersEntry(kind, ApiServerAddress.FromLegacyOptions(protocol?.Value, host!.Value, port?.Value)));
            first = 1;
        }
        for (var i = first; i < deprecated.Count; i++)
        {
            var entry = deprecated[i];
            removed.Add(entry);
            // a JSON member goes with its comma
            edits.RemoveWithLine(entry.Start, entry.Comma >= 0 ? entry.Comma + 1 : entry.End);
        }
        if (kind == ConfigFileKind.AppSettingsJson) RemoveNewTrailingComma(entries, removed, edits);
        return edits.Apply();
    }

    /// <summary>The <c>api_servers</c> entry for one server, as the file's format writes it.</summary>
    public static string ApiServersEntry(ConfigFileKind kind, string server) =>
        kind == ConfigFileKind.NovaConf ? "api_servers = " + server : "\"ApiServers\": [ \"" + JsonScanner.Escape(server) + "\" ]";

    /// <summary>If the last member went away, the member now last keeps a comma that JSON readers may reject: drop it.</summary>
    private static void RemoveNewTrailingComma(List<ConfigEntry> members, HashSet<ConfigEntry> removed, TextEdits edits)
    {
        ConfigEntry? lastKept = null;
        foreach (var member in members)
            if (!removed.Contains(member)) lastKept = member;
        var lastOriginal = members[members.Count - 1];
        if (lastKept is not null && lastKept != lastOriginal && lastKept.Comma >= 0 && lastOriginal.Comma < 0)
            edits.Remove(lastKept.Comma, lastKept.Comma + 1);
    }
}
