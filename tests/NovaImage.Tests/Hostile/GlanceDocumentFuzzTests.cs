using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using NovaImage.V1;
using NovaImage.V2;

namespace NovaImage.Tests.Hostile;

/// <summary>
/// Bounded fuzzing of what a hostile or broken server controls before any request logic sees it: Glance v2 JSON
/// documents (an image record, a listing page) mutated structurally and byte by byte, and arbitrary v1 metadata
/// header sets. The only failures allowed are the documented ones — <see cref="JsonException"/> for a body that is
/// not the document, <see cref="GlanceException"/> for a value of the wrong kind — never a crash such as
/// <see cref="NullReferenceException"/> or <see cref="IndexOutOfRangeException"/>. Iterations are bounded so the
/// run takes a few seconds.
/// </summary>
public sealed class GlanceDocumentFuzzTests
{
    private const long Iterations = 3000;

    private const string ImageDocument = """
        {"id": "6b6cd1a0-3b1f-4f8e-9c4b-0d2f1c1f6a11", "name": "cirros", "status": "active", "visibility": "public",
         "owner": "a3b4", "size": 13267968, "virtual_size": 46137344, "checksum": "443b7623e27ecf03dc9e01ee93f67afe",
         "os_hash_algo": "sha512", "os_hash_value": "6513f21e44aa3da349f248188a44bc304a3653a04122d8fb4535423c8e1d14cd6a153f735bb0982e2161b5b5186106570c17a9e58b64dd39390617cd5a350f78",
         "disk_format": "qcow2", "container_format": "bare", "min_disk": 0, "min_ram": 0, "protected": false,
         "os_hidden": false, "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:01Z",
         "tags": ["a", "b"], "locations": [{"url": "file:///var/lib/glance/images/x", "metadata": {"store": "file"}}],
         "direct_url": "file:///var/lib/glance/images/x", "stores": "file", "hw_disk_bus": "virtio", "self": "/v2/images/x",
         "file": "/v2/images/x/file", "schema": "/v2/schemas/image"}
        """;

    private static readonly string ListDocument =
        $$"""{"images": [{{ImageDocument}}, {{ImageDocument}}], "first": "/v2/images", "next": "/v2/images?marker=x", "schema": "/v2/schemas/images"}""";

    /// <summary>Values a server could put anywhere: wrong kinds, nulls, out-of-range numbers, odd strings.</summary>
    private static readonly Gen<JsonNode?> HostileValue = Gen.OneOf(
        Gen.Const(() => (JsonNode?)null),
        Gen.OneOfConst("", "x", "2026-13-45T99:99:99", "1e400", "-1", "None", "\u0000", "..", "file:///etc/passwd")
            .Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.OneOfConst(0L, -1L, long.MaxValue, long.MinValue).Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.OneOfConst(1.5, 1e300).Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.OneOfConst("[]", "{}", "[null]", "[1, \"x\"]", "{\"a\": null}", "{\"url\": null}", "[{\"url\": \"x\", \"metadata\": null}]", "[[[]]]")
            .Select(s => JsonNode.Parse(s)));

    /// <summary>
    /// One document mutated: a value (found by walking <paramref name="document"/> with generated choices) replaced
    /// by a hostile one, a member removed, or the text cut, a character replaced or inserted.
    /// </summary>
    private static Gen<string> Mutated(string document) =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue].Array[1, 6], HostileValue, Gen.Char, (kind, path, value, c) =>
        {
            var text = document;
            switch (kind)
            {
                case 0:
                case 1:
                    var root = JsonNode.Parse(document)!;
                    Replace(root, path, value, remove: kind == 1);
                    return root.ToJsonString();
                case 2: return text[..(path[0] % text.Length)];
                case 3: var at = path[0] % text.Length; return text[..at] + c + text[(at + 1)..];
                default: at = path[0] % (text.Length + 1); return text[..at] + c + text[at..];
            }
        });

    private static void Replace(JsonNode node, int[] path, JsonNode? value, bool remove)
    {
        foreach (var step in path)
        {
            JsonNode? child;
            switch (node)
            {
                case JsonObject obj when obj.Count > 0:
                    var name = obj.ElementAt(step % obj.Count).Key;
                    child = obj[name];
                    if (child is JsonObject or JsonArray && step % 3 != 0) { node = child; continue; }
                    if (remove) obj.Remove(name); else obj[name] = value?.DeepClone();
                    return;
                case JsonArray array when array.Count > 0:
                    var index = step % array.Count;
                    child = array[index];
                    if (child is JsonObject or JsonArray && step % 3 != 0) { node = child; continue; }
                    if (remove) array.RemoveAt(index); else array[index] = value?.DeepClone();
                    return;
                default:
                    return;
            }
        }
    }

    [Fact]
    public void A_mutated_image_record_is_read_or_refused_with_a_JsonException_never_a_crash() =>
        Mutated(ImageDocument).Sample(json =>
        {
            GlanceImage? record;
            try
            {
                record = JsonSerializer.Deserialize(json, GlanceV2JsonContext.Default.GlanceImage);
            }
            catch (JsonException)
            {
                return;
            }
            if (record is not null) AssertNoPromisedNonNullIsNull(V2ImageMapper.ToImage(record));
        }, iter: Iterations);

    [Fact]
    public async Task A_mutated_listing_page_is_read_or_refused_with_a_JsonException_never_a_crash() =>
        await Mutated(ListDocument).SampleAsync(async json =>
        {
            GlanceImageList page;
            try
            {
                page = await GlanceImageListReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), wanted: null, CancellationToken.None);
            }
            catch (JsonException)
            {
                return;
            }
            foreach (var image in page.Images) AssertNoPromisedNonNullIsNull(V2ImageMapper.ToImage(image));
        }, iter: Iterations);

    [Theory]
    [InlineData("""{"id": "i", "locations": [{"url": "file:///x"}]}""")]
    [InlineData("""{"id": "i", "locations": [{"url": "file:///x", "metadata": null}]}""")]
    [InlineData("""{"id": "i", "locations": [null, {"url": null}, {"url": "file:///x"}]}""")]
    [InlineData("""{"id": "i", "tags": null, "locations": [{"url": "file:///x", "metadata": {}}]}""")]
    public void A_record_with_null_or_missing_tags_locations_or_location_metadata_maps_to_empty_values(string json)
    {
        // Found by the fuzz run: each of these crashed the mapping (ArgumentNullException, NullReferenceException)
        // or handed the consumer a null the model promises never to hold.
        var image = V2ImageMapper.ToImage(JsonSerializer.Deserialize(json, GlanceV2JsonContext.Default.GlanceImage)!);

        Assert.Empty(image.Tags);
        var location = Assert.Single(image.Locations);
        Assert.Equal("file:///x", location.Url);
        Assert.Empty(location.Metadata);
    }

    private static void AssertNoPromisedNonNullIsNull(Image image)
    {
        Assert.NotNull(image.Tags);
        Assert.NotNull(image.Properties);
        Assert.All(image.Locations, l => { Assert.NotNull(l.Url); Assert.NotNull(l.Metadata); });
    }

    /// <summary>Header names a v1 server uses (some of them twice, in any case) with arbitrary values.</summary>
    private static readonly Gen<KeyValuePair<string, string>[]> V1Headers =
        Gen.Select(
            Gen.OneOf(
                Gen.OneOfConst("id", "name", "status", "size", "virtual_size", "disk_format", "container_format", "min_disk",
                    "min_ram", "is_public", "protected", "checksum", "owner", "created_at", "updated_at", "deleted_at", "deleted",
                    "location", "store").Select(f => "x-image-meta-" + f.Replace('_', '-')),
                Gen.String.Select(k => "x-image-meta-property-" + k),
                Gen.OneOfConst("ETag", "etag", "x-image-meta-", "x-image-meta-property-", "X-IMAGE-META-SIZE", "Content-Length"),
                Gen.String),
            Gen.OneOf(
                Gen.String,
                Gen.OneOfConst("", " ", "None", "\"", "\"\"", "-", "99999999999999999999", "-9223372036854775808", "True", "2026-12-01T10:00:00",
                    "2026-12-01T10:00:00.1234567", "0001-01-01T00:00:00", "9999-12-31T23:59:59.999999"),
                Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            KeyValuePair.Create).Array[0, 12];

    [Fact]
    public void Any_v1_header_set_is_decoded_or_refused_with_a_GlanceServerException_never_a_crash() =>
        V1Headers.Sample(headers =>
        {
            try
            {
                V1MetadataCodec.Decode(headers);
            }
            catch (GlanceServerException error)
            {
                Assert.Contains("x-image-meta-", error.Message);
            }
        }, iter: Iterations);
}
