using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace NovaImage.TestSupport.V1Server;

/// <summary>
/// The server side of v1's header metadata (reference §3), written independently of the client's codec:
/// request parsing (whitelist, lower-casing, <c>-</c>→<c>_</c>, empty = null) and response headers (names
/// capitalized per segment as eventlet writes them, <c>True</c>/<c>False</c>, null fields omitted).
/// </summary>
internal static class V1MetaHeaders
{
    private const string Meta = "x-image-meta-";
    private const string Property = "x-image-meta-property-";

    public static readonly HashSet<string> CoreFields =
    [
        "id", "name", "status", "size", "virtual_size", "disk_format", "container_format", "min_disk", "min_ram",
        "is_public", "checksum", "owner", "protected", "created_at", "updated_at", "deleted_at", "deleted",
        "location", "store", "copy_from", "uri",
    ];

    /// <summary>The request's core fields and properties; 400 "Bad header" for a core name outside the whitelist.</summary>
    public static (Dictionary<string, string?> Core, Dictionary<string, string?> Properties) Parse(HttpRequest request)
    {
        var core = new Dictionary<string, string?>(StringComparer.Ordinal);
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            var key = name.ToLowerInvariant();
            var value = values.ToString();
            if (key.StartsWith(Property, StringComparison.Ordinal))
                properties[key[Property.Length..].Replace('-', '_')] = value.Length == 0 ? null : value;
            else if (key.StartsWith(Meta, StringComparison.Ordinal))
            {
                var field = key[Meta.Length..].Replace('-', '_');
                if (!CoreFields.Contains(field)) throw new V1HttpError(400, $"Bad header: {key}");
                core[field] = value.Length == 0 ? null : value;
            }
        }
        return (core, properties);
    }

    /// <summary>Lenient request boolean: true 1 yes on y t (any case) are true, anything else false.</summary>
    public static bool ParseBool(string? value) =>
        value?.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on" or "y" or "t";

    public static string FormatBool(bool value) => value ? "True" : "False";

    public static string FormatTime(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Every non-null core field (never <c>location</c>), the properties and the ETag, as on HEAD and GET.</summary>
    public static void Write(HttpResponse response, V1ServerImage image)
    {
        void Set(string field, string? value)
        {
            if (value is not null) response.Headers[Capitalize(Meta + field)] = value;
        }
        static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

        Set("id", image.Id);
        Set("name", image.Name);
        Set("status", image.Status);
        Set("size", Int(image.Size));
        Set("virtual_size", image.VirtualSize is { } virtualSize ? Int(virtualSize) : "None");
        Set("disk_format", image.DiskFormat);
        Set("container_format", image.ContainerFormat);
        Set("min_disk", Int(image.MinDisk));
        Set("min_ram", Int(image.MinRam));
        Set("is_public", FormatBool(image.IsPublic));
        Set("protected", FormatBool(image.Protected));
        Set("checksum", image.Checksum);
        Set("owner", image.Owner);
        Set("created_at", FormatTime(image.CreatedAt));
        Set("updated_at", FormatTime(image.UpdatedAt));
        Set("deleted_at", image.DeletedAt is { } deletedAt ? FormatTime(deletedAt) : null);
        Set("deleted", FormatBool(image.Deleted));
        foreach (var (key, value) in image.Properties)
            if (value is not null) response.Headers[Capitalize(Property + key)] = value;
        WriteETag(response, image);
    }

    /// <summary><c>ETag</c> = checksum, unquoted as Glance v1 sets it, when there is one.</summary>
    public static void WriteETag(HttpResponse response, V1ServerImage image)
    {
        if (image.Checksum is not null) response.Headers.ETag = image.Checksum;
    }

    /// <summary>eventlet's <c>'-'.join(x.capitalize() for x in name.split('-'))</c>.</summary>
    public static string Capitalize(string name) =>
        string.Join('-', name.Split('-').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant()));
}
