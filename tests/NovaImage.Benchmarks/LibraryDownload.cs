using System.Diagnostics;

namespace NovaImage.Benchmarks;

/// <summary>
/// The library's side of scripts/compare.sh: one <see cref="IImageApi.DownloadAsync"/> of an image into a file stream,
/// as a program embedding NovaImage would do it, timed from outside like every other client in the comparison.
/// </summary>
internal static class LibraryDownload
{
    private const string Usage = "usage: NovaImage.Benchmarks download --url URL --token TOKEN --image ID --output PATH [--md5]";

    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, token = null, imageId = null, output = null;
        var md5 = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length: url = args[++i]; break;
                case "--token" when i + 1 < args.Length: token = args[++i]; break;
                case "--image" when i + 1 < args.Length: imageId = args[++i]; break;
                case "--output" when i + 1 < args.Length: output = args[++i]; break;
                // Verify the md5 checksum as well as the multihash (the default here is the multihash only).
                case "--md5": md5 = true; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        if (url is null || token is null || imageId is null || output is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var watch = Stopwatch.StartNew();
        using var images = GlanceImageApi.Create(new GlanceOptions { ApiServers = [url], Token = token });
        await using var destination = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true);
        var result = await images.DownloadAsync(imageId, destination, new DownloadOptions { VerifyMd5 = md5 });
        Console.WriteLine($"{result.Bytes} bytes in {watch.Elapsed.TotalSeconds:F3} s, verified: {result.Verification} {result.VerifiedAlgorithm}; "
            + $"{GC.GetTotalAllocatedBytes() / 1024} KiB allocated, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1024} KiB");
        return 0;
    }
}
