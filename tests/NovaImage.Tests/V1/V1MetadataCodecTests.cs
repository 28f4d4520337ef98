using NovaImage.V1;

namespace NovaImage.Tests.V1;

/// <summary>Examples of the v1 header encoding (reference §3); the general laws are in <see cref="V1MetadataCodecPropertyTests"/>.</summary>
public sealed class V1MetadataCodecTests
{
    [Fact]
    public void Encode_writes_core_fields_as_v1_headers_and_omits_nulls()
    {
        var headers = V1MetadataCodec.Encode(new V1ImageMetadata
        {
            Name = "cirros 0.6",
            DiskFormat = "qcow2",
            ContainerFormat = "bare",
            Size = 0,
            MinRam = 512,
            IsPublic = false,
            Protected = true,
            CreatedAt = new DateTimeOffset(2016, 3, 15, 16, 9, 7, TimeSpan.FromHours(1)),
            Properties = new Dictionary<string, string?> { ["hw_disk_bus"] = "virtio", ["cleared"] = null },
        });

        Assert.Equal(new Dictionary<string, string>
        {
            ["x-image-meta-name"] = "cirros 0.6",
            ["x-image-meta-disk_format"] = "qcow2",
            ["x-image-meta-container_format"] = "bare",
            ["x-image-meta-size"] = "0",
            ["x-image-meta-min_ram"] = "512",
            ["x-image-meta-is_public"] = "False",
            ["x-image-meta-protected"] = "True",
            ["x-image-meta-created_at"] = "2016-03-15T15:09:07.000000",
            ["x-image-meta-property-hw_disk_bus"] = "virtio",
            ["x-image-meta-property-cleared"] = "",
        }, headers);
    }

    [Fact]
    public void Decode_reads_capitalized_server_headers_None_empty_values_and_lenient_booleans()
    {
        var metadata = V1MetadataCodec.Decode(
        [
            new("X-Image-Meta-Id", "6b3ee6f5-8b1d-4e4c-9f6b-bb3e8ef0f3b1"),
            new("X-Image-Meta-Container_format", "bare"),
            new("X-Image-Meta-Virtual_size", "None"),
            new("X-Image-Meta-Min-Disk", "3"),
            new("X-Image-Meta-Is_public", "True"),
            new("X-Image-Meta-Protected", "no"),
            new("X-Image-Meta-Deleted", "1"),
            new("X-Image-Meta-Owner", ""),
            new("X-Image-Meta-Updated_at", "2016-03-15T15:09:07.000000"),
            new("X-Image-Meta-Deleted_at", "2016-03-15 15:09:08"),
            new("X-Image-Meta-Property-Hw_disk_bus", "scsi"),
            new("X-Image-Meta-Property-Os-Distro", "ubuntu"),
            new("X-Image-Meta-Unknown_future_field", "ignored"),
            new("Etag", "0f343b0931126a20f133d67c2b018a3b"),
        ]);

        Assert.Equal(new V1ImageMetadata
        {
            Id = "6b3ee6f5-8b1d-4e4c-9f6b-bb3e8ef0f3b1",
            ContainerFormat = "bare",
            MinDisk = 3,
            IsPublic = true,
            Protected = false,
            Deleted = true,
            UpdatedAt = new DateTimeOffset(2016, 3, 15, 15, 9, 7, TimeSpan.Zero),
            DeletedAt = new DateTimeOffset(2016, 3, 15, 15, 9, 8, TimeSpan.Zero),
            Checksum = "0f343b0931126a20f133d67c2b018a3b",
            Properties = new Dictionary<string, string?> { ["hw_disk_bus"] = "scsi", ["os_distro"] = "ubuntu" },
        }, metadata);
    }

    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("W/\"abc\"", "abc")]
    [InlineData("abc", "abc")]
    public void Checksum_falls_back_to_the_ETag_quoted_or_not(string etag, string expected) =>
        Assert.Equal(expected, V1MetadataCodec.Decode([new("ETag", etag)]).Checksum);

    [Fact]
    public void Checksum_header_wins_over_the_ETag() =>
        Assert.Equal("aaa", V1MetadataCodec.Decode([new("ETag", "bbb"), new("x-image-meta-checksum", "aaa")]).Checksum);

    [Fact]
    public void A_server_value_of_the_wrong_type_is_a_typed_server_error_naming_header_and_image()
    {
        var error = Assert.Throws<GlanceServerException>(() => V1MetadataCodec.Decode(
            [new("x-image-meta-id", "img-1"), new("x-image-meta-size", "big")]));
        Assert.Equal("img-1", error.ImageId);
        Assert.Contains("x-image-meta-size", error.Message);
    }

    [Theory]
    [InlineData("os_distro")]
    [InlineData("a1!#$%&'*+.^_`|~")]
    public void Header_token_lower_case_keys_travel_as_property_headers_and_come_back_unchanged(string key)
    {
        var headers = V1MetadataCodec.Encode(new V1ImageMetadata { Properties = new Dictionary<string, string?> { [key] = "v" } });

        Assert.Equal("v", Assert.Single(headers, h => h.Key == V1MetadataCodec.PropertyPrefix + key).Value);
        Assert.Equal(KeyValuePair.Create(key, (string?)"v"), Assert.Single(V1MetadataCodec.Decode(headers).Properties));
    }

    [Theory]
    [InlineData("trait:CUSTOM_X", "':'")]
    [InlineData("two words", "U+0020")]
    [InlineData("a/b", "'/'")]
    [InlineData("hw-disk-bus", "come back as 'hw_disk_bus'")]
    [InlineData("OS_Distro", "come back as 'os_distro'")]
    [InlineData("clé", "'é'")]
    [InlineData("", "empty")]
    public void Keys_that_cannot_travel_or_would_not_round_trip_are_refused_with_the_reason(string key, string reason)
    {
        var error = Assert.Throws<HeaderEncodingException>(() => V1MetadataCodec.Encode(
            new V1ImageMetadata { Id = "img-7", Properties = new Dictionary<string, string?> { [key] = "v" } }));
        Assert.Contains($"property '{key}'", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Equal("img-7", error.ImageId);
    }

    [Theory]
    [InlineData("caf\u00e9", "non-ASCII")]
    [InlineData("\u65e5\u672c", "non-ASCII")]
    [InlineData("line1\nline2", "control character U+000A")]
    [InlineData("tab\there", "control character U+0009")]
    [InlineData("nul\0", "control character U+0000")]
    [InlineData(" padded", "space")]
    [InlineData("padded ", "space")]
    [InlineData("", "empty")]
    public void Values_that_cannot_travel_are_refused_with_the_reason(string value, string reason)
    {
        var error = Assert.Throws<HeaderEncodingException>(() => V1MetadataCodec.Encode(
            new V1ImageMetadata { Properties = new Dictionary<string, string?> { ["description"] = value } }, imageId: "img-9"));
        Assert.Contains("property 'description'", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Equal("img-9", error.ImageId);
    }

    [Fact]
    public void A_core_field_that_cannot_travel_is_named()
    {
        var error = Assert.Throws<HeaderEncodingException>(() => V1MetadataCodec.Encode(new V1ImageMetadata { Name = "\u00fcber" }));
        Assert.Contains("field 'name'", error.Message);
    }

    [Fact]
    public void A_header_line_over_max_header_line_is_refused_and_one_at_the_limit_is_sent()
    {
        const string name = "x-image-meta-property-blob";
        var fits = new string('x', V1MetadataCodec.DefaultMaxHeaderLine - name.Length - 4);
        Assert.Equal(fits, V1MetadataCodec.Encode(new V1ImageMetadata { Properties = new Dictionary<string, string?> { ["blob"] = fits } })[name]);

        var error = Assert.Throws<HeaderEncodingException>(() => V1MetadataCodec.Encode(
            new V1ImageMetadata { Properties = new Dictionary<string, string?> { ["blob"] = fits + "x" } }));
        Assert.Contains("max_header_line of 16384", error.Message);
    }

    [Fact]
    public void Timestamps_finer_than_a_microsecond_are_refused()
    {
        var error = Assert.Throws<HeaderEncodingException>(() => V1MetadataCodec.Encode(
            new V1ImageMetadata { CreatedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1) }));
        Assert.Contains("field 'created_at'", error.Message);
    }

    [Fact]
    public void List_query_carries_every_filter_with_v1_names()
    {
        var query = new V1ImageListQuery
        {
            Name = "n", Status = "active", ContainerFormat = "bare", DiskFormat = "raw", SizeMin = 1, SizeMax = 2,
            MinRam = 3, MinDisk = 4, ChangesSince = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero),
            IsPublic = V1PublicFilter.All, Protected = false, Deleted = true,
            Properties = new Dictionary<string, string> { ["os_distro"] = "cirros" },
            SortKey = "size", SortDescending = false, Limit = 7, Marker = "m",
        }.ToQueryParameters();

        Assert.Equal(new Dictionary<string, string>
        {
            ["name"] = "n", ["status"] = "active", ["container_format"] = "bare", ["disk_format"] = "raw",
            ["size_min"] = "1", ["size_max"] = "2", ["min_ram"] = "3", ["min_disk"] = "4",
            ["changes-since"] = "2020-01-02T03:04:05.000000", ["is_public"] = "none", ["protected"] = "false",
            ["deleted"] = "true", ["property-os_distro"] = "cirros", ["sort_key"] = "size", ["sort_dir"] = "asc",
            ["limit"] = "7", ["marker"] = "m",
        }, query);
    }
}
