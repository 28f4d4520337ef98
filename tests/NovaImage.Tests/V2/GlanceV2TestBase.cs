using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using NovaImage.TestSupport;
using NovaImage.V2;
using Refit;

namespace NovaImage.Tests.V2;

/// <summary>
/// Base of the v2 route tests: clients per identity against the real Glance, unique names, and cleanup of
/// every image a test created (as admin, after unprotecting it).
/// </summary>
public abstract class GlanceV2TestBase : IAsyncLifetime
{
    private readonly ConcurrentBag<string> _createdImages = [];
    private readonly ConcurrentDictionary<string, HttpClient> _httpClients = new();
    private readonly string _prefix = "v2t-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A v2 client acting as <paramref name="identity"/>.</summary>
    protected IGlanceV2Api Api(GlanceIdentity identity) => GlanceV2Client.Create(HttpFor(identity));

    /// <summary>The test's HttpClient on the Glance endpoint with <paramref name="identity"/>'s token (or none).</summary>
    protected HttpClient HttpFor(GlanceIdentity? identity) =>
        _httpClients.GetOrAdd(identity?.Token ?? "", token =>
        {
            var http = new HttpClient { BaseAddress = GlanceServer.Endpoint, Timeout = TimeSpan.FromSeconds(60) };
            if (token.Length > 0)
            {
                http.DefaultRequestHeaders.Add("X-Auth-Token", token);
            }

            return http;
        });

    /// <summary>The owner of most test images.</summary>
    protected IGlanceV2Api Owner => Api(GlanceIdentity.ProjectA);

    /// <summary>An admin.</summary>
    protected IGlanceV2Api Admin => Api(GlanceIdentity.Admin);

    /// <summary>A name (or tag) unique to this test.</summary>
    protected string Unique(string what) => $"{_prefix}-{what}";

    /// <summary>Creates an image as <paramref name="api"/>'s identity and registers it for cleanup.</summary>
    protected async Task<GlanceImage> CreateImageAsync(IGlanceV2Api api, GlanceImageCreate create)
    {
        using var response = await api.CreateImageAsync(create);
        await response.EnsureSuccessStatusCodeAsync();
        var image = response.Content!;
        Track(image.Id);
        return image;
    }

    /// <summary>Creates a raw/bare image named <paramref name="name"/> as the owner.</summary>
    protected Task<GlanceImage> CreateRawImageAsync(string name, string visibility = "private", IGlanceV2Api? api = null) =>
        CreateImageAsync(api ?? Owner, new GlanceImageCreate { Name = Unique(name), DiskFormat = "raw", ContainerFormat = "bare", Visibility = visibility });

    /// <summary>Creates an image and uploads <paramref name="data"/> to it; returns the active record.</summary>
    protected async Task<GlanceImage> CreateActiveImageAsync(string name, byte[] data, string visibility = "private", IGlanceV2Api? api = null)
    {
        api ??= Owner;
        var image = await CreateRawImageAsync(name, visibility, api);
        await api.UploadImageDataAsync(image.Id, new MemoryStream(data));
        return await api.GetImageAsync(image.Id);
    }

    /// <summary>Registers an image id for deletion after the test.</summary>
    protected void Track(string imageId) => _createdImages.Add(imageId);

    /// <summary>Random bytes.</summary>
    protected static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    /// <summary>Lower-case hex MD5.</summary>
    protected static string Md5Hex(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    /// <summary>Lower-case hex SHA-512.</summary>
    protected static string Sha512Hex(byte[] data) => Convert.ToHexStringLower(SHA512.HashData(data));

    /// <summary>A JSON value for a patch.</summary>
    protected static JsonElement Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.SerializeToElement(value, info);

    /// <summary>Runs <paramref name="call"/>, expecting Glance to refuse it with <paramref name="status"/>; returns the parsed error.</summary>
    private protected static async Task<GlanceApiError> ExpectErrorAsync(HttpStatusCode status, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<ApiException>(call);
        var error = GlanceApiError.FromApiException(exception);
        Assert.Equal(status, error.StatusCode);
        return error;
    }

    /// <summary>Polls the image (as <paramref name="api"/>) until <paramref name="done"/> holds (30 s at most).</summary>
    protected static async Task<GlanceImage> WaitForAsync(IGlanceV2Api api, string imageId, Func<GlanceImage, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var image = await api.GetImageAsync(imageId);
            if (done(image))
            {
                return image;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"image {imageId} did not reach '{what}' within 30 s: status {image.Status}, stores {image.Stores}, " +
                            $"properties {string.Join(", ", GlanceExtraProperties.ToStrings(image.ExtraProperties))}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Waits for an import to finish: the image reaches <paramref name="done"/> and its import tasks have ended
    /// (Glance updates the image before it marks the task done).
    /// </summary>
    protected static async Task<GlanceImage> WaitForImportAsync(IGlanceV2Api api, string imageId, Func<GlanceImage, bool> done, string what)
    {
        await WaitForAsync(api, imageId, done, what);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await api.GetImageTasksAsync(imageId)).Tasks.Any(t => t.Status is "pending" or "processing"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the import tasks of image {imageId} did not end within 30 s");
            await Task.Delay(100);
        }

        return await api.GetImageAsync(imageId);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        var admin = Admin;
        foreach (var id in _createdImages.Distinct())
        {
            try
            {
                var image = await admin.GetImageAsync(id);
                if (image.Protected)
                {
                    await admin.UpdateImageAsync(id, [GlancePatchOperation.Replace("protected", Json(false, GlanceV2JsonContext.Default.Boolean))]);
                }

                await admin.DeleteImageAsync(id);
            }
            catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // the test deleted it already
            }
        }

        foreach (var http in _httpClients.Values)
        {
            http.Dispose();
        }
    }
}
