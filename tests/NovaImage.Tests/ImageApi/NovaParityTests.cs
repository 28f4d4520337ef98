using System.Text.Json;
using NovaImage.Core;
using NovaImage.DirectStore;
using NovaImage.V1;
using NovaImage.V2;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// Behaviours of Nova Newton's Glance client (<c>nova/image/glance.py</c>, its unit tests in
/// <c>nova/tests/unit/image/test_glance.py</c>, and <c>nova/image/download/file.py</c>) that NovaImage keeps, checked
/// on the translation code directly. Each test names the Nova test or code it mirrors.
/// </summary>
public sealed class NovaParityTests
{
    /// <summary>
    /// Nova hands each <c>api_servers</c> entry to glanceclient, whose <c>strip_version</c> drops a last path segment
    /// naming a version (<c>common/utils.py</c>); a path prefix in front of it stays.
    /// </summary>
    [Theory]
    [InlineData("http://h:9292/v2", "http://h:9292/")]
    [InlineData("http://h:9292/v1", "http://h:9292/")]
    [InlineData("http://h:9292/v2.1", "http://h:9292/")]
    [InlineData("http://h:9292/v2/", "http://h:9292/")]
    [InlineData("h:9292/v2", "http://h:9292/")]
    [InlineData("https://cloud.example/image/v2", "https://cloud.example/image")]
    [InlineData("https://cloud.example/image", "https://cloud.example/image")]
    [InlineData("https://cloud.example/v2/image", "https://cloud.example/v2/image")]
    [InlineData("https://cloud.example/version", "https://cloud.example/version")]
    public void An_api_servers_entry_ending_in_a_version_loses_it_as_glanceclients_strip_version_does(string entry, string expected)
    {
        Assert.True(GlanceEndpoints.TryParse(entry, out var endpoint, out var problem), problem);
        Assert.Equal(expected, endpoint.AbsoluteUri);
    }

    /// <summary>
    /// Nova's <c>_endpoint_from_image_ref</c>: the endpoint of an href is everything before <c>/v&lt;N&gt;/images/&lt;id&gt;</c>,
    /// path prefix included; an href is that image only when its endpoint is one of the client's.
    /// </summary>
    [Theory]
    [InlineData("https://cloud.example/image/v2/images/abc", "abc")]
    [InlineData("https://cloud.example/image/v1/images/abc", "abc")]
    [InlineData("https://CLOUD.example:443/image/v2/images/abc/", "abc")]
    [InlineData("abc", "abc")]
    [InlineData("https://cloud.example/v2/images/abc", null)]
    [InlineData("http://cloud.example/image/v2/images/abc", null)]
    [InlineData("https://cloud.example:8443/image/v2/images/abc", null)]
    [InlineData("https://cloud.example/image/v2/images/abc/file", null)]
    [InlineData("ftp://cloud.example/image/v2/images/abc", null)]
    public void An_image_href_is_an_id_only_when_it_names_a_configured_endpoint(string href, string? id)
    {
        Uri[] servers = [new("http://other.example:9292/"), new("https://cloud.example/image")];
        if (id is null) Assert.Throws<InvalidImageRequestException>(() => ImageReference.Resolve(href, servers));
        else Assert.Equal(id, ImageReference.Resolve(href, servers));
    }

    /// <summary>
    /// <c>TestExtractAttributes.test_extract_image_attributes_empty_images</c>: the same image read through v1 and v2
    /// gives one answer. Before its data is stored, v1 says size 0 and v2 says null; the model says null ("not known
    /// yet", as <see cref="Image.Size"/> documents), also while an upload is in progress.
    /// </summary>
    [Theory]
    [InlineData("queued")]
    [InlineData("saving")]
    [InlineData("uploading")]
    [InlineData("importing")]
    public void An_image_without_stored_data_has_one_size_through_v1_and_v2(string status)
    {
        var throughV1 = V1ImageMapper.ToImage(new V1ImageMetadata { Id = "885d1cb0", Status = status, Size = 0 });
        var throughV2 = V2ImageMapper.ToImage(new GlanceImage { Id = "885d1cb0", Status = status, Size = null });

        Assert.Null(throughV1.Size);
        Assert.Equal(throughV2.Size, throughV1.Size);
    }

    [Fact]
    public void An_active_image_of_zero_bytes_keeps_its_size_through_v1()
    {
        Assert.Equal(0, V1ImageMapper.ToImage(new V1ImageMetadata { Id = "885d1cb0", Status = "active", Size = 0 }).Size);
    }

    /// <summary>
    /// <c>TestDetail.test_detail_params_passed_v1</c> / <c>_extract_query_params</c>: a v1 listing sends
    /// <c>is_public=none</c> unless the caller filtered on it ("don't filter out private images").
    /// </summary>
    [Fact]
    public void A_v1_listing_sends_is_public_none_unless_the_caller_filters()
    {
        var (unfiltered, _) = V1QueryTranslator.Translate(new ImageQuery());
        var (privateOnly, _) = V1QueryTranslator.Translate(new ImageQuery { Visibility = ImageVisibility.Private });

        Assert.Equal("none", unfiltered.ToQueryParameters()["is_public"]);
        Assert.Equal("false", privateOnly.ToQueryParameters()["is_public"]);
    }

    /// <summary>
    /// <c>TestDetail.test_detail_params_passed_v1/v2</c> (<c>detail(ctx, page_size=5, limit=10)</c>): the total and
    /// the page size are two things; a page never asks for more than the total still wanted; the marker is sent.
    /// </summary>
    [Fact]
    public void Limit_is_the_total_and_bounds_the_page_size_on_both_versions()
    {
        var (v1, _) = V1QueryTranslator.Translate(new ImageQuery { PageSize = 5, Limit = 10, Marker = "m" });
        var (v1Small, _) = V1QueryTranslator.Translate(new ImageQuery { Limit = 3 });
        var v2 = V2QueryTranslator.Translate(new ImageQuery { PageSize = 5, Limit = 10, Marker = "m" });
        var v2Small = V2QueryTranslator.Translate(new ImageQuery { PageSize = 5, Limit = 3 });

        Assert.Equal(("5", "m"), (v1.ToQueryParameters()["limit"], v1.ToQueryParameters()["marker"]));
        Assert.Equal("3", v1Small.ToQueryParameters()["limit"]);
        Assert.Equal((5, "m"), (v2.Limit, v2.Marker));
        Assert.Equal(3, v2Small.Limit);
        Assert.Throws<InvalidImageRequestException>(() => V2QueryTranslator.Translate(new ImageQuery { Limit = 0 }));
        Assert.Throws<InvalidImageRequestException>(() => V1QueryTranslator.Translate(new ImageQuery { Limit = -1 }));
    }

    /// <summary>
    /// Nova's <c>sort_dir</c> is always explicit on the wire once given; here every <see cref="SortKey"/> states its
    /// direction, and the enum's default is Glance's default (<c>desc</c>, v2.md §4).
    /// </summary>
    [Fact]
    public void Every_sort_key_states_its_direction_and_the_default_is_Glances_descending()
    {
        var sort = new ImageQuery { Sort = [new SortKey("name", SortDirection.Ascending)] };
        var (v1, _) = V1QueryTranslator.Translate(sort);
        var (v1Default, _) = V1QueryTranslator.Translate(new ImageQuery { Sort = [new SortKey("size", default)] });

        Assert.Equal(SortDirection.Descending, default);
        Assert.Equal(["asc"], V2QueryTranslator.Translate(sort).SortDirs);
        Assert.Equal(["desc"], V2QueryTranslator.Translate(new ImageQuery { Sort = [new SortKey("size", default)] }).SortDirs);
        Assert.Equal(("name", "asc"), (v1.ToQueryParameters()["sort_key"], v1.ToQueryParameters()["sort_dir"]));
        Assert.Equal("desc", v1Default.ToQueryParameters()["sort_dir"]);
    }

    /// <summary><c>nova/image/download/file.py</c>: <c>get_schemes()</c> returns <c>['file', 'filesystem']</c>.</summary>
    [Fact]
    public void The_file_adapter_is_registered_for_the_filesystem_scheme_too()
    {
        Assert.IsType<FileDirectStoreAdapter>(GlanceImageApi.DirectStoreAdapters["file"]());
        Assert.IsType<FileDirectStoreAdapter>(GlanceImageApi.DirectStoreAdapters["filesystem"]());
    }

    /// <summary>
    /// <c>nova/image/download/file.py</c> <c>FileTransfer.download</c> reads the path of the location URL whatever
    /// its scheme (file or filesystem), remapped through <c>[image_file_url:NAME]</c>.
    /// </summary>
    [Fact]
    public async Task A_filesystem_url_is_read_by_the_file_adapter()
    {
        var store = Directory.CreateTempSubdirectory("novaimage-fsalias-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(store.FullName, "img"), "data");
            var location = new ImageLocation("filesystem:///var/lib/glance/images/img",
                new Dictionary<string, string> { ["id"] = "fs-1", ["mountpoint"] = "/var/lib/glance/images" });
            var options = new GlanceOptions { Filesystems = [new ImageFileSystem { Name = "x", Id = "fs-1", Mountpoint = store.FullName }] };

            var opened = await new FileDirectStoreAdapter().OpenAsync(location, new DirectStoreContext(new Image { Id = "img" }, options), default);

            Assert.True(opened.Stream is not null, opened.Description);
            await using var stream = opened.Stream;
            Assert.Equal("data", await new StreamReader(stream).ReadToEndAsync());
        }
        finally
        {
            store.Delete(recursive: true);
        }
    }
}
