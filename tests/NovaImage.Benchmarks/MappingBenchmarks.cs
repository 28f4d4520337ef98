using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NovaImage.V1;
using NovaImage.V2;

namespace NovaImage.Benchmarks;

/// <summary>
/// The v1↔v2 mapping to and from the one model: a record of each API version to <see cref="Image"/>, and an
/// <see cref="ImageCreate"/> to each version's request.
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private GlanceImage _v2 = null!;
    private V1ImageMetadata _v1 = null!;
    private ImageCreate _create = null!;

    [GlobalSetup]
    public void Setup()
    {
        _v2 = JsonSerializer.Deserialize(SampleData.V2Image(1), GlanceV2JsonContext.Default.GlanceImage)!;
        _v1 = SampleData.V1Metadata(1);
        _create = SampleData.Create();
    }

    [Benchmark]
    public Image V2RecordToImage() => V2ImageMapper.ToImage(_v2);

    [Benchmark]
    public Image V1MetadataToImage() => V1ImageMapper.ToImage(_v1);

    [Benchmark]
    public GlanceImageCreate CreateToV2() => V2ImageMapper.ToCreate(_create);

    [Benchmark]
    public V1ImageMetadata CreateToV1() => V1ImageMapper.ToMetadata(_create);
}
