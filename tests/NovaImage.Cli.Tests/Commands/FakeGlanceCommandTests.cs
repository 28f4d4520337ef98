using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;
using NovaImage.TestSupport.Fakes;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>
/// What the real Glance never serves, from <see cref="FakeGlance"/> (a fake, not Glance): an image whose multihash
/// algorithm this platform cannot compute, and an error body carrying terminal escape sequences.
/// </summary>
public sealed class FakeGlanceCommandTests : IDisposable
{
    private const string ImageId = "7b4c1f62-5d2e-4f0a-9a51-3c2d8e6f1a90";
    private readonly TempFiles _files = new();

    [Fact]
    public async Task An_os_hash_algo_that_cannot_be_computed_here_is_reported_when_only_the_md5_was_verified()
    {
        var data = RandomNumberGenerator.GetBytes(20_000);
        var record = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = ImageId, ["name"] = "blake", ["status"] = "active", ["visibility"] = "private", ["size"] = data.Length,
            ["checksum"] = Convert.ToHexStringLower(MD5.HashData(data)), ["os_hash_algo"] = "blake2b", ["os_hash_value"] = new string('1', 128),
            ["disk_format"] = "raw", ["container_format"] = "bare", ["tags"] = Array.Empty<string>(), ["protected"] = false, ["min_disk"] = 0, ["min_ram"] = 0,
        });
        await using var glance = await FakeGlance.StartAsync((context, _) =>
            context.Request.Path.Value!.EndsWith("/file", StringComparison.Ordinal)
                ? context.Response.Body.WriteAsync(data).AsTask()
                : Json(context, context.Request.Path.StartsWithSegments("/v2/images") ? record : Versions(context)));
        var destination = _files.PathOf("blake.raw");

        var result = await RunAsync(glance, "image", "download", ImageId, "--file", destination);

        NovaImageCli.AssertSucceeded(result);
        Assert.Contains($"Verified md5: {Convert.ToHexStringLower(MD5.HashData(data))}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"novaimage: warning: image {ImageId}: os_hash_algo 'blake2b' cannot be computed here; only its md5 checksum was verified",
            result.StandardError, StringComparison.Ordinal);
        Assert.Equal(data, File.ReadAllBytes(destination));
    }

    [Fact]
    public async Task Escape_sequences_in_a_glance_error_body_are_shown_escaped()
    {
        await using var glance = await FakeGlance.StartAsync((context, _) =>
        {
            if (!context.Request.Path.StartsWithSegments("/v2/images")) return Json(context, Versions(context));
            context.Response.StatusCode = 404;
            return Json(context, """{"message": "gone\u001b]0;pwned\u0007\u001b[2J", "code": "404 Not Found", "title": "Not Found"}""");
        });

        var result = await RunAsync(glance, "image", "show", ImageId);

        var error = NovaImageCli.AssertFailed(result, 3);
        Assert.Contains(@"gone\x1B]0;pwned\x07\x1B[2J", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.StandardError);
    }

    private static Task Json(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    private static string Versions(HttpContext context) =>
        $$"""{"versions": [{"id": "v2.9", "status": "CURRENT", "links": [{"rel": "self", "href": "http://{{context.Request.Host}}/v2/"}]}]}""";

    private static Task<ProcessResult> RunAsync(FakeGlance glance, params string[] arguments) =>
        NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["NOVAIMAGE_API_SERVERS"] = glance.Endpoint.AbsoluteUri,
            ["OS_AUTH_TOKEN"] = GlanceIdentity.ProjectA.Token,
        }, arguments);

    public void Dispose() => _files.Dispose();
}
