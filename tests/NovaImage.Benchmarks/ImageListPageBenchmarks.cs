using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NovaImage.V2;

namespace NovaImage.Benchmarks;

/// <summary>
/// One page of <c>GET /v2/images?limit=1000</c> (1,000 records shaped as Glance Zed sends them, ~0.7 MB): the
/// source-generated System.Text.Json context reading it whole, the streamed listing reader the client uses (image
/// by image from a stream), and the reader followed by the mapping to <see cref="Image"/> that a listing yields.
/// </summary>
[MemoryDiagnoser]
public class ImageListPageBenchmarks
{
    private byte[] _page = [];

    [GlobalSetup]
    public void Setup() => _page = Encoding.UTF8.GetBytes(SampleData.ImageListPage(1000));

    [Benchmark(Baseline = true)]
    public GlanceImageList? SourceGeneratedContext() => JsonSerializer.Deserialize(_page, GlanceV2JsonContext.Default.GlanceImageList);

    [Benchmark]
    public Task<GlanceImageList> StreamedReader() => GlanceImageListReader.ReadAsync(new MemoryStream(_page, writable: false), wanted: null, CancellationToken.None);

    [Benchmark]
    public async Task<int> StreamedReaderMappedToImages()
    {
        var page = await GlanceImageListReader.ReadAsync(new MemoryStream(_page, writable: false), wanted: null, CancellationToken.None);
        var count = 0;
        foreach (var record in page.Images) count += V2ImageMapper.ToImage(record).Id.Length;
        return count;
    }
}
