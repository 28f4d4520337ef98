#:project ../src/NovaImage/NovaImage.csproj
#:property PublishAot=false
// scripts/demo.sh runs this file (`dotnet run scripts/demo.cs`): the Glance v2 client against the local Glance.
using System.Security.Cryptography;
using NovaImage.V2;
using Refit;

var endpoint = new Uri(Environment.GetEnvironmentVariable("NOVAIMAGE_GLANCE_URL") ?? throw new InvalidOperationException("NOVAIMAGE_GLANCE_URL is not set (scripts/demo.sh sets it)"));
using var http = new HttpClient { BaseAddress = endpoint };
http.DefaultRequestHeaders.Add("X-Auth-Token", "11111111111111111111111111111111:demo");   // dev token: PROJECT:USER
var glance = GlanceV2Client.Create(http);

Step($"versions of {endpoint}");
var versions = await glance.GetVersionsAsync();
Console.WriteLine("  " + string.Join(", ", versions.Versions.Select(v => $"{v.Id} {v.Status}")));

Step("create an image record");
var name = $"novaimage-demo-{DateTime.UtcNow:yyyyMMddHHmmss}";
using var created = await glance.CreateImageAsync(new GlanceImageCreate { Name = name, DiskFormat = "raw", ContainerFormat = "bare", Visibility = "private", Tags = ["novaimage-demo"] });
await created.EnsureSuccessStatusCodeAsync();
var image = created.Content!;
Console.WriteLine($"  {image.Id} {image.Name} status={image.Status}");

try
{
    Step("upload 1 MiB of random data (streamed)");
    var data = RandomNumberGenerator.GetBytes(1 << 20);
    await glance.UploadImageDataAsync(image.Id, new MemoryStream(data));
    image = await glance.GetImageAsync(image.Id);
    Console.WriteLine($"  status={image.Status} size={image.Size} stores={image.Stores} checksum={image.Checksum}");
    Console.WriteLine($"  location {image.Locations?.FirstOrDefault()?.Url}");

    Step("list images tagged novaimage-demo");
    foreach (var listed in (await glance.ListImagesAsync(tags: ["novaimage-demo"])).Images)
    {
        Console.WriteLine($"  {listed.Id} {listed.Name} {listed.Status} {listed.Size} bytes");
    }

    Step("download it and compare the bytes");
    using var download = await glance.DownloadImageDataAsync(image.Id);
    await download.EnsureSuccessStatusCodeAsync();
    var received = new MemoryStream();
    await download.Content!.CopyToAsync(received);
    var same = received.ToArray().AsSpan().SequenceEqual(data);
    Console.WriteLine($"  {received.Length} bytes, Content-MD5 {string.Join("", download.ContentHeaders!.GetValues("Content-MD5"))}, identical: {same}");
    if (!same)
    {
        return 1;
    }
}
finally
{
    Step("delete the image");
    await glance.DeleteImageAsync(image.Id);
    Console.WriteLine("  deleted");
}

return 0;

static void Step(string what) => Console.WriteLine($"==> {what}");
