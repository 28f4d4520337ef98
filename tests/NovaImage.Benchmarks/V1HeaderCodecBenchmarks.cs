using BenchmarkDotNet.Attributes;
using NovaImage.V1;

namespace NovaImage.Benchmarks;

/// <summary>
/// The v1 header codec: a <c>HEAD /v1/images/{id}</c>'s <c>x-image-meta-*</c> headers (16 fields, 8 properties)
/// decoded and mapped to an <see cref="Image"/>, and metadata encoded back into request headers (each value checked).
/// </summary>
[MemoryDiagnoser]
public class V1HeaderCodecBenchmarks
{
    private KeyValuePair<string, string>[] _headers = [];
    private V1ImageMetadata _metadata = null!;

    [GlobalSetup]
    public void Setup()
    {
        _headers = SampleData.V1Headers(1);
        _metadata = SampleData.V1Metadata(1);
    }

    [Benchmark]
    public Image HeadersToImage() => V1ImageMapper.ToImage(V1MetadataCodec.Decode(_headers));

    [Benchmark]
    public Dictionary<string, string> MetadataToHeaders() => V1MetadataCodec.Encode(_metadata);
}
