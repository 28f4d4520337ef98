using NovaImage.TestSupport;

namespace NovaImage.Tests.ImageApi;

/// <summary>How a v2 listing pages through the real Glance: page size and asking ahead.</summary>
public sealed class ListingPageTests : IAsyncLifetime
{
    // One more than Glance's limit_param_default (25): the page a listing gets when it sends no limit.
    private const int ImageCount = 26;

    private readonly string _run = "p" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<ImageApiHost> _hosts = [];
    private readonly List<string> _created = [];

    public async Task InitializeAsync()
    {
        var owner = Host().Api;
        for (var i = 0; i < ImageCount; i++)
        {
            var image = await owner.CreateImageAsync(new ImageCreate
            {
                Name = $"{_run}-{i:00}", DiskFormat = "raw", ContainerFormat = "bare",
                Properties = new Dictionary<string, string> { ["novaimage_run"] = _run },
            });
            _created.Add(image.Id);
        }
    }

    public async Task DisposeAsync()
    {
        var owner = Host().Api;
        foreach (var id in _created) await owner.DeleteImageAsync(id);
        foreach (var host in _hosts) await host.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_page_size_one_request_brings_the_largest_page_the_server_allows()
    {
        var host = Host();

        var listed = await host.Api.ListImagesAsync(Query()).ToListAsync();

        Assert.Equal(ImageCount, listed.Count);
        // Not Glance's default of 25 per page (two requests here): as many as its api_limit_max allows.
        var request = Assert.Single(host.Requests.All);
        Assert.Contains("limit=10000", request.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_past_a_pages_first_image_asks_for_the_next_page_before_this_one_is_finished()
    {
        var host = Host();
        var images = host.Api.ListImagesAsync(Query() with { PageSize = 10 }).GetAsyncEnumerator();
        try
        {
            Assert.True(await images.MoveNextAsync());
            Assert.True(await images.MoveNextAsync()); // the second of ten images of the first page

            // The second page is asked for now, while eight images of the first are still to be read (the wait
            // fails on a listing that asks only once the page is used up).
            await host.Requests.Reached(2).WaitAsync(TimeSpan.FromMinutes(2));
            var seen = 2;
            while (await images.MoveNextAsync()) seen++;
            Assert.Equal(ImageCount, seen);
            Assert.Equal(3, host.Requests.All.Count);
        }
        finally
        {
            await images.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_caller_that_stops_at_a_pages_first_image_costs_no_further_request()
    {
        var host = Host();

        var first = await host.Api.ListImagesAsync(Query() with { PageSize = 10 }).Take(1).ToListAsync();

        Assert.Single(first);
        Assert.Single(host.Requests.All);
    }

    private ImageQuery Query() => new() { Properties = new Dictionary<string, string> { ["novaimage_run"] = _run } };

    private ImageApiHost Host()
    {
        var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);
        _hosts.Add(host);
        return host;
    }
}
