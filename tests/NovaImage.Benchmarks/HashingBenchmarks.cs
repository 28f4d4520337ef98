using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using NovaImage.Transfers;

namespace NovaImage.Benchmarks;

/// <summary>
/// The verification of a download: 64 MiB through <see cref="IntegrityVerifier"/> in the downloader's 1 MiB chunks,
/// verified against the multihash (sha512) alone, or against md5 and the multihash (each hash on its own core).
/// </summary>
[MemoryDiagnoser]
public class HashingBenchmarks
{
    private const int Size = 64 * 1024 * 1024;
    private byte[] _data = [];
    private Image _image = null!;

    [Params(false, true)]
    public bool WithMd5 { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(42).NextBytes(_data);
        _image = new Image
        {
            Id = SampleData.ImageId(1),
            Size = Size,
            Checksum = Convert.ToHexStringLower(MD5.HashData(_data)),
            OsHashAlgo = "sha512",
            OsHashValue = Convert.ToHexStringLower(SHA512.HashData(_data)),
        };
    }

    [Benchmark]
    public string? Verify64MiB()
    {
        using var verifier = IntegrityVerifier.Create(_image, "benchmark", reportedMd5: null, reportedSize: null,
            new DownloadOptions(), verifyMd5: WithMd5, extraChecks: []);
        for (var offset = 0; offset < Size; offset += ImageDownloader.ChunkSize)
            verifier.Append(_data.AsMemory(offset, Math.Min(ImageDownloader.ChunkSize, Size - offset)), server: null);
        return verifier.Complete(server: null).Hash;
    }
}
