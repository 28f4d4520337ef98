using CsCheck;
using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>
/// Laws of the v1 header codec over generated metadata: every representable value survives
/// encode → HTTP headers (names capitalized per segment, as the eventlet server writes them) → decode, and every
/// value that cannot travel is refused with a <see cref="HeaderEncodingException"/> naming it. Bounded iterations
/// keep the run to a few seconds.
/// </summary>
public sealed class V1MetadataCodecPropertyTests
{
    private const long Iterations = 2000;
    private const string KeyChars = "abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+.^_`|~";

    // Printable ASCII with inner spaces; no leading/trailing space (HTTP trims them), never empty (= null).
    private static readonly Gen<string> Text =
        Gen.Frequency(
            (19, Gen.Char[' ', '~'].Array[1, 40]),
            (1, Gen.Char[' ', '~'].Array[1000, 16000]))
        .Select(chars => new string(chars))
        .Where(s => s[0] != ' ' && s[^1] != ' ');

    private static readonly Gen<string> Key = Gen.Char[KeyChars].Array[1, 30].Select(chars => new string(chars));

    private static readonly Gen<DateTimeOffset> Timestamp =
        Gen.Select(Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(9000, 1, 1).Ticks], Gen.Int[-14 * 60, 14 * 60],
            (ticks, offsetMinutes) => new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)));

    private static readonly Gen<Dictionary<string, string?>> Properties =
        Gen.Select(Key, Text.Null(0.1)).Array[0, 8]
            .Select(pairs => pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));

    private static readonly Gen<V1ImageMetadata> Representable =
        Gen.Select(
            Gen.Select(Text.Null(), Text.Null(), Text.Null(), Gen.Long.Nullable(), Gen.Long.Nullable(), Text.Null(), Text.Null()),
            Gen.Select(Gen.Int.Nullable(), Gen.Int.Nullable(), Gen.Bool.Nullable(), Gen.Bool.Nullable(), Text.Null(), Text.Null(), Gen.Bool.Nullable()),
            Gen.Select(Timestamp.Nullable(), Timestamp.Nullable(), Timestamp.Nullable(), Text.Null(), Text.Null(), Properties),
            (a, b, c) => new V1ImageMetadata
            {
                Id = a.Item1, Name = a.Item2, Status = a.Item3, Size = a.Item4, VirtualSize = a.Item5, DiskFormat = a.Item6, ContainerFormat = a.Item7,
                MinDisk = b.Item1, MinRam = b.Item2, IsPublic = b.Item3, Protected = b.Item4, Checksum = b.Item5, Owner = b.Item6, Deleted = b.Item7,
                CreatedAt = c.Item1, UpdatedAt = c.Item2, DeletedAt = c.Item3, Location = c.Item4, Store = c.Item5, Properties = c.Item6,
            });

    [Fact]
    public void Every_representable_metadata_value_round_trips_through_headers() =>
        Representable.Sample(metadata =>
        {
            using var response = new HttpResponseMessage();
            foreach (var (name, value) in V1MetadataCodec.Encode(metadata))
                Assert.True(response.Headers.TryAddWithoutValidation(CapitalizeLikeEventlet(name), value));

            Assert.Equal(metadata, V1MetadataCodec.Decode(response));
        }, iter: Iterations);

    /// <summary>One defect injected into otherwise representable metadata: (what the error must name, the metadata).</summary>
    private static readonly Gen<(string Named, V1ImageMetadata Metadata)> Unrepresentable =
        Gen.Select(Representable, Key, Gen.Int[0, 9], Gen.Char['\0', '\u1fff'].Where(c => c is < ' ' or > '~'), Gen.Long[1, 9],
            (metadata, key, defect, bad, ticks) =>
            {
                var properties = new Dictionary<string, string?>(metadata.Properties);
                string Inject(string text) => text.Insert(text.Length / 2, bad.ToString());
                switch (defect)
                {
                    case 0: properties[key.ToUpperInvariant() + "X"] = "v"; return ($"property '{key.ToUpperInvariant()}X'", metadata with { Properties = properties });
                    case 1: properties[key + "-" + key] = "v"; return ($"property '{key}-{key}'", metadata with { Properties = properties });
                    case 2: properties[Inject(key)] = "v"; return ($"property '{Inject(key)}'", metadata with { Properties = properties });
                    case 3: properties[key + ":" + "x"] = "v"; return ($"property '{key}:x'", metadata with { Properties = properties });
                    case 4: properties[key] = Inject("value"); return ($"property '{key}'", metadata with { Properties = properties });
                    case 5: properties[key] = " " + key; return ($"property '{key}'", metadata with { Properties = properties });
                    case 6: properties[key] = ""; return ($"property '{key}'", metadata with { Properties = properties });
                    case 7: properties[key] = new string('v', V1MetadataCodec.DefaultMaxHeaderLine); return ($"property '{key}'", metadata with { Properties = properties });
                    case 8: return ("field 'name'", metadata with { Name = Inject("name") });
                    default: return ("field 'updated_at'", metadata with { UpdatedAt = new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(ticks) });
                }
            });

    [Fact]
    public void Every_value_that_cannot_travel_is_refused_with_a_typed_error_naming_it() =>
        Unrepresentable.Sample(sample =>
        {
            var error = Assert.Throws<HeaderEncodingException>(() => V1MetadataCodec.Encode(sample.Metadata, imageId: "img"));
            Assert.Contains(sample.Named, error.Message);
            Assert.Equal("img", error.ImageId);
        }, iter: Iterations);

    /// <summary>Mostly printable ASCII, sometimes any UTF-16 code unit (controls, Latin-1, CJK, lone surrogates).</summary>
    private static readonly Gen<string> AnyString =
        Gen.Frequency((4, Gen.Char[' ', '~']), (1, Gen.Char)).Array[0, 24].Select(chars => new string(chars));

    [Fact]
    public void Any_key_and_value_either_round_trip_exactly_or_are_refused_with_a_typed_error() =>
        Gen.Select(AnyString, AnyString, AnyString).Sample((key, value, name) =>
        {
            var metadata = new V1ImageMetadata { Name = name, Properties = new Dictionary<string, string?> { [key] = value } };
            Dictionary<string, string> headers;
            try
            {
                headers = V1MetadataCodec.Encode(metadata);
            }
            catch (HeaderEncodingException error)
            {
                Assert.True(error.Message.Contains($"property '{key}'") || error.Message.Contains("field 'name'"), error.Message);
                return;
            }
            using var response = new HttpResponseMessage();
            foreach (var (headerName, headerValue) in headers)
                Assert.True(response.Headers.TryAddWithoutValidation(CapitalizeLikeEventlet(headerName), headerValue));
            Assert.Equal(metadata, V1MetadataCodec.Decode(response));
        }, iter: Iterations);

    [Fact]
    public void Booleans_decode_leniently_as_the_server_reads_them() =>
        Gen.Select(Gen.OneOfConst("true", "1", "yes", "on", "y", "t", "false", "0", "no", "off", "n", "f", "x"), Gen.Bool,
            (word, upper) => upper ? word.ToUpperInvariant() : word)
        .Sample(word => Assert.Equal(
            word.ToLowerInvariant() is "true" or "1" or "yes" or "on" or "y" or "t",
            V1MetadataCodec.Decode([new("x-image-meta-protected", word)]).Protected), iter: 200);

    private static string CapitalizeLikeEventlet(string name) =>
        string.Join('-', name.Split('-').Select(segment => segment.Length == 0 ? segment : char.ToUpperInvariant(segment[0]) + segment[1..].ToLowerInvariant()));
}
