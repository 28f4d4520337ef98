using System.Net;
using NovaImage.Core;
using NovaImage.V1;
using NovaImage.V2;
using NovaImage.Transfers;

namespace NovaImage.Tests.ImageApi;

/// <summary>Nova's translation rules and quirks, checked on the hand-written translation code directly.</summary>
public sealed class TranslationTests
{
    private static readonly DateTimeOffset T = new(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));

    [Theory]
    [InlineData("property-os_type", "os_type")]      // Nova's lstrip('property-') made this "s_type"
    [InlineData("property-property-x", "property-x")]
    [InlineData("os_type", "os_type")]
    [InlineData("propertyless", "propertyless")]
    public void The_property_prefix_is_removed_exactly(string key, string expected)
    {
        var filter = V2QueryTranslator.Translate(new ImageQuery { Properties = new Dictionary<string, string> { [key] = "v" } });

        Assert.Equal(expected, Assert.Single(filter.Properties!).Key);
    }

    [Fact]
    public void V1_filters_take_their_v2_forms_as_Nova_translated_them()
    {
#pragma warning disable CS0618 // the v1 filters are what is being translated
        var publicOnes = V2QueryTranslator.Translate(new ImageQuery { ChangesSince = T, IsPublic = true });
        var privateOnes = V2QueryTranslator.Translate(new ImageQuery { IsPublic = false });
        Assert.Throws<InvalidImageRequestException>(() => V2QueryTranslator.Translate(new ImageQuery { IsPublic = true, Visibility = ImageVisibility.Shared }));
        Assert.Throws<InvalidImageRequestException>(() => V2QueryTranslator.Translate(new ImageQuery { ChangesSince = T, UpdatedAt = TimeFilter.LessThan(T) }));
#pragma warning restore CS0618

        Assert.Equal("gte:2024-05-06T05:08:09Z", publicOnes.UpdatedAt);
        Assert.Equal("public", publicOnes.Visibility);
        Assert.Equal("private", privateOnes.Visibility);
    }

    [Fact]
    public void Several_values_become_in_filters_and_sort_keys_keep_their_directions()
    {
        var filter = V2QueryTranslator.Translate(new ImageQuery
        {
            Names = ["a", "b,c"],
            Statuses = [ImageStatus.Active, ImageStatus.PendingDelete],
            Sort = [new SortKey("name", SortDirection.Ascending), new SortKey("created_at", SortDirection.Descending)],
            AllVisibilities = true,
        });

        Assert.Equal("in:a,\"b,c\"", filter.Name);
        Assert.Equal("in:active,pending_delete", filter.Status);
        Assert.Equal(["name", "created_at"], filter.SortKeys);
        Assert.Equal(["asc", "desc"], filter.SortDirs);
        Assert.Equal("all", filter.Visibility);
    }

    [Fact]
    public void On_v1_an_updated_at_lower_bound_becomes_changes_since_without_the_deleted_images()
    {
        var (query, dropDeleted) = V1QueryTranslator.Translate(new ImageQuery { UpdatedAt = TimeFilter.GreaterOrEqual(T), AllVisibilities = true });
        var parameters = query.ToQueryParameters();

        Assert.True(dropDeleted);
        Assert.True(parameters.ContainsKey("changes-since"));
        Assert.Equal("none", parameters["is_public"]);
        Assert.Equal("25", parameters["limit"]);
        Assert.Throws<FeatureNotSupportedException>(() => V1QueryTranslator.Translate(new ImageQuery { Visibility = ImageVisibility.Shared }));
        Assert.Throws<FeatureNotSupportedException>(() => V1QueryTranslator.Translate(new ImageQuery { UpdatedAt = TimeFilter.LessThan(T) }));
        Assert.Throws<FeatureNotSupportedException>(() => V1QueryTranslator.Translate(new ImageQuery { Names = ["a", "b"] }));
    }

    private static Image Current(params (string Key, string Value)[] properties) => new()
    {
        Id = "img",
        Properties = properties.ToDictionary(p => p.Key, p => (string?)p.Value),
    };

    [Fact]
    public void The_patch_replaces_existing_properties_adds_new_ones_and_removes_explicitly()
    {
        var patch = V2PatchBuilder.Build(
            new ImageUpdate { Name = "n", MinDisk = 3, SetProperties = new Dictionary<string, string> { ["a"] = "1", ["new"] = "2" }, RemoveProperties = ["b", "missing"] },
            Current(("a", "0"), ("b", "x")));

        Assert.Equal(
            ["replace /name", "replace /min_disk", "replace /a", "add /new", "remove /b"],
            patch.Select(op => $"{op.Op} {op.Path}"));
        Assert.Equal("3", patch[1].Value!.Value.GetRawText());
    }

    [Fact]
    public void Replacing_properties_removes_every_other_one_but_Glances_own()
    {
        var patch = V2PatchBuilder.Build(
            new ImageUpdate { ReplaceProperties = true, SetProperties = new Dictionary<string, string> { ["keep"] = "1" } },
            Current(("keep", "0"), ("drop", "x"), ("os_glance_import_task", "t")));

        Assert.Equal(["replace /keep", "remove /drop"], patch.Select(op => $"{op.Op} {op.Path}"));
    }

    [Fact]
    public void Setting_and_removing_one_property_is_refused()
    {
        Assert.Throws<InvalidImageRequestException>(() => V2PatchBuilder.Build(
            new ImageUpdate { SetProperties = new Dictionary<string, string> { ["a"] = "1" }, RemoveProperties = ["a"] }, Current()));
        Assert.Empty(V2PatchBuilder.Build(new ImageUpdate(), Current(("a", "1"))));
    }

    [Fact]
    public void V1_metadata_reads_as_the_unified_model()
    {
        var queued = V1ImageMapper.ToImage(new V1ImageMetadata { Id = "i", Status = "queued", Size = 0, Checksum = "c", IsPublic = false, DeletedAt = T, Deleted = false });
        var active = V1ImageMapper.ToImage(new V1ImageMetadata { Id = "i", Status = "active", Size = 5, Checksum = "c", IsPublic = true });

        Assert.Null(queued.Size);
        Assert.Null(queued.Checksum);
        Assert.Null(queued.DeletedAt);
        Assert.Equal(ImageVisibility.Private, queued.Visibility);
        Assert.Equal(5, active.Size);
        Assert.Equal("c", active.Checksum);
        Assert.Equal(ImageVisibility.Public, active.Visibility);
        Assert.Empty(active.Tags);
    }

    [Theory]
    [InlineData(ImageVisibility.Public, true)]
    [InlineData(ImageVisibility.Private, false)]
    [InlineData(ImageVisibility.Shared, false)]
    public void Visibilities_write_to_v1_as_is_public(ImageVisibility visibility, bool expected)
    {
        Assert.Equal(expected, V1ImageMapper.ToIsPublic(visibility, ImageOperation.Create, null));
    }

    [Theory]
    [InlineData("glance:9292", "http://glance:9292/")]
    [InlineData("https://glance.example/image/", "https://glance.example/image")]
    [InlineData("[::1]:9292", "http://[::1]:9292/")]
    [InlineData("http://[fd00::5]/v", "http://[fd00::5]/v")]
    [InlineData(" glance ", "http://glance/")]
    public void Api_servers_entries_parse_as_Nova_reads_them(string entry, string expected)
    {
        Assert.True(GlanceEndpoints.TryParse(entry, out var uri, out var problem), problem);
        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Theory]
    [InlineData(401, typeof(ImageNotAuthorizedException))]
    [InlineData(403, typeof(ImageNotAuthorizedException))]
    [InlineData(404, typeof(ImageNotFoundException))]
    [InlineData(400, typeof(InvalidImageRequestException))]
    [InlineData(415, typeof(InvalidImageRequestException))]
    [InlineData(409, typeof(ImageConflictException))]
    [InlineData(413, typeof(ImageQuotaExceededException))]
    [InlineData(500, typeof(GlanceServerException))]
    public void Statuses_translate_per_Novas_table(int status, Type expected)
    {
        var error = GlanceErrorTranslator.FromResponse(nameof(ImageOperation.Delete), "img", new Uri("http://glance:9292"), (HttpStatusCode)status,
            "{\"message\": \"Nope<br /><br />\\n\\n\", \"code\": \"x\"}", null, null);

        Assert.IsType(expected, error);
        Assert.Equal("img", error.ImageId);
        Assert.Equal("Nope", error.GlanceMessage);
        Assert.Contains("server http://glance:9292/", error.Message);
    }

    [Fact]
    public void Glances_message_is_read_from_html_error_pages_too()
    {
        Assert.Equal("No image found with ID 42",
            GlanceErrorTranslator.ExtractMessage("<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>\n  No image found with ID 42<br /><br />\n</body></html>"));
    }
}
