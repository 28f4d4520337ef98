using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NovaImage.Cli.Output;

namespace NovaImage.Cli.Glance;

/// <summary>
/// Images as Glance's own v2 documents: what <c>--json</c> prints (exactly what <c>GET /v2/images/{id}</c> returned,
/// extra properties flat at the top level), and what the tables and <c>-f</c> formats are built from, so that
/// every key the server shows (<c>direct_url</c>, <c>locations</c>, <c>file</c>, <c>self</c>, ...) is there.
/// </summary>
internal static class ImageDocuments
{
    // The image schema's own keys; every other key of a document is an extra property (shown under "properties",
    // as OpenStackClient does).
    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal)
    {
        "id", "name", "status", "visibility", "protected", "os_hidden", "checksum", "os_hash_algo", "os_hash_value", "owner",
        "size", "virtual_size", "container_format", "disk_format", "created_at", "updated_at", "tags", "min_ram", "min_disk",
        "self", "file", "schema", "locations", "direct_url", "stores",
    };

    /// <summary>The image's document: Glance's own from v2; from v1, which has none, the image in the same v2 form.</summary>
    public static async Task<JsonElement> GetAsync(CommandContext context, Image image, CancellationToken cancellationToken) =>
        await UsesV2Async(context, cancellationToken)
            ? await context.Images.GetImageDocumentAsync(image.Id, cancellationToken)
            : FromImage(image, v2: false);

    /// <summary>
    /// The documents of listed images, in the listing's order, rebuilt from the listing itself (no request more): from
    /// v2 the keys and values of Glance's own documents (an empty <c>locations</c> list is left out, and location
    /// metadata is written as strings); from v1 the images in the same v2 form.
    /// </summary>
    public static async Task<List<JsonElement>> ListAsync(CommandContext context, IReadOnlyList<Image> images, CancellationToken cancellationToken)
    {
        var v2 = await UsesV2Async(context, cancellationToken);
        return images.Select(image => FromImage(image, v2)).ToList();
    }

    /// <summary>
    /// The fields people see (table, <c>-f</c>): the schema's keys present in the document, and the extra properties
    /// gathered under <c>properties</c>, sorted by name as <c>openstack image show</c> sorts them.
    /// </summary>
    public static OutputRecord ToRecord(JsonElement document)
    {
        var fields = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var properties = new JsonObject();
        foreach (var property in document.EnumerateObject())
        {
            if (SchemaKeys.Contains(property.Name)) fields[property.Name] = Node(property.Value);
            else properties[property.Name] = Node(property.Value);
        }
        if (properties.Count > 0) fields["properties"] = properties;
        return new OutputRecord(fields.ToList());
    }

    private static async Task<bool> UsesV2Async(CommandContext context, CancellationToken cancellationToken) =>
        await context.Images.GetApiVersionAsync(cancellationToken) == ApiVersion.V2;

    private static JsonNode? Node(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(value.GetRawText());

    /// <summary>
    /// An image in Glance v2's document form (extra properties flat, times as v2 writes them); a v2 image also gets the
    /// links Glance adds (<c>self</c>, <c>file</c>, <c>schema</c>) and the locations, direct URL and stores it showed.
    /// </summary>
    private static JsonElement FromImage(Image image, bool v2)
    {
        var document = new JsonObject
        {
            ["id"] = image.Id,
            ["name"] = image.Name,
            ["status"] = ImageRendering.Words(image.Status),
            ["visibility"] = ImageRendering.Words(image.Visibility),
            ["protected"] = image.Protected,
            ["os_hidden"] = image.OsHidden,
            ["checksum"] = image.Checksum,
            ["os_hash_algo"] = image.OsHashAlgo,
            ["os_hash_value"] = image.OsHashValue,
            ["owner"] = image.Owner,
            ["size"] = image.Size,
            ["virtual_size"] = image.VirtualSize,
            ["container_format"] = image.ContainerFormat,
            ["disk_format"] = image.DiskFormat,
            ["created_at"] = Time(image.CreatedAt),
            ["updated_at"] = Time(image.UpdatedAt),
            ["tags"] = new JsonArray(image.Tags.Select(t => (JsonNode?)t).ToArray()),
            ["min_ram"] = image.MinRam,
            ["min_disk"] = image.MinDisk,
        };
        if (v2)
        {
            document["self"] = $"/v2/images/{image.Id}";
            document["file"] = $"/v2/images/{image.Id}/file";
            document["schema"] = "/v2/schemas/image";
            if (image.Locations.Count > 0)
            {
                document["locations"] = new JsonArray(image.Locations.Select(l => (JsonNode?)new JsonObject
                {
                    ["url"] = l.Url,
                    ["metadata"] = new JsonObject(l.Metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
                }).ToArray());
            }
            if (image.DirectUrl is not null) document["direct_url"] = image.DirectUrl;
            if (image.Stores is not null) document["stores"] = image.Stores;
        }
        foreach (var (key, value) in image.Properties) document[key] = value;
        return JsonDocument.Parse(document.ToJsonString()).RootElement.Clone();
    }

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
