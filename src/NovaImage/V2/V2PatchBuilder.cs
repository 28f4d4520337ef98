using System.Globalization;
using System.Text.Json;
using NovaImage.V2;

namespace NovaImage.V2;

/// <summary>
/// Builds the v2 JSON Patch for an <see cref="ImageUpdate"/> against the image as it is now: base fields are
/// replaced, properties added or replaced, removals explicit — and <see cref="ImageUpdate.ReplaceProperties"/>
/// removes every current property not kept (Nova's <c>remove_props</c>, mapping §3 and §4.2).
/// </summary>
internal static class V2PatchBuilder
{
    public static List<GlancePatchOperation> Build(ImageUpdate update, Image current)
    {
        var ops = new List<GlancePatchOperation>();
        if (update.Name is { } name) ops.Add(GlancePatchOperation.Replace("name", name));
        if (update.DiskFormat is { } disk) ops.Add(GlancePatchOperation.Replace("disk_format", disk));
        if (update.ContainerFormat is { } container) ops.Add(GlancePatchOperation.Replace("container_format", container));
        if (update.Visibility is { } visibility) ops.Add(GlancePatchOperation.Replace("visibility", GlanceText.Format(visibility)));
        if (update.Protected is { } isProtected) ops.Add(GlancePatchOperation.Replace("protected", Json(isProtected ? "true" : "false")));
        if (update.OsHidden is { } hidden) ops.Add(GlancePatchOperation.Replace("os_hidden", Json(hidden ? "true" : "false")));
        if (update.MinDisk is { } minDisk) ops.Add(GlancePatchOperation.Replace("min_disk", Json(minDisk.ToString(CultureInfo.InvariantCulture))));
        if (update.MinRam is { } minRam) ops.Add(GlancePatchOperation.Replace("min_ram", Json(minRam.ToString(CultureInfo.InvariantCulture))));
        if (update.Owner is { } owner) ops.Add(GlancePatchOperation.Replace("owner", owner));

        foreach (var key in update.RemoveProperties)
        {
            if (update.SetProperties.ContainsKey(key))
                throw new InvalidImageRequestException($"Property '{key}' is both set and removed in one update", new GlanceErrorContext(current.Id));
        }
        foreach (var (key, value) in update.SetProperties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            ops.Add(current.Properties.ContainsKey(key) ? GlancePatchOperation.Replace(key, value) : GlancePatchOperation.Add(key, value));
        }
        var removals = update.ReplaceProperties
            ? current.Properties.Keys.Where(k => !update.SetProperties.ContainsKey(k) && !IsReserved(k))
            : update.RemoveProperties.Where(current.Properties.ContainsKey);
        foreach (var key in removals.Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
        {
            ops.Add(GlancePatchOperation.Remove(key));
        }
        return ops;
    }

    // Glance owns os_glance_* properties (import bookkeeping); a client may not remove them.
    private static bool IsReserved(string key) => key.StartsWith("os_glance_", StringComparison.Ordinal);

    private static JsonElement Json(string literal)
    {
        using var doc = JsonDocument.Parse(literal);
        return doc.RootElement.Clone();
    }
}
