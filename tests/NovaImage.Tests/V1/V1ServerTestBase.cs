using System.Security.Cryptography;
using NovaImage.TestSupport;
using NovaImage.TestSupport.V1Server;
using NovaImage.V1;
using Refit;

namespace NovaImage.Tests.V1;

/// <summary>Starts a fresh v1 server per test and gives a generated v1 client per identity.</summary>
public abstract class V1ServerTestBase : IAsyncLifetime
{
    private readonly List<HttpClient> clients = [];

    protected V1Server Server { get; private set; } = null!;

    /// <summary>Project A (owner of most images).</summary>
    protected IGlanceV1Api A { get; private set; } = null!;
    /// <summary>Project B.</summary>
    protected IGlanceV1Api B { get; private set; } = null!;
    /// <summary>Project C (sees neither private nor shared-with-B images).</summary>
    protected IGlanceV1Api C { get; private set; } = null!;
    /// <summary>An admin.</summary>
    protected IGlanceV1Api Admin { get; private set; } = null!;

    protected virtual V1ServerOptions Options => new();

    public async Task InitializeAsync()
    {
        Server = await V1Server.StartAsync(Options);
        A = Api(GlanceIdentity.ProjectA);
        B = Api(GlanceIdentity.ProjectB);
        C = Api(GlanceIdentity.ProjectC);
        Admin = Api(GlanceIdentity.Admin);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients) client.Dispose();
        await Server.DisposeAsync();
    }

    protected IGlanceV1Api Api(GlanceIdentity identity) => GlanceV1Client.Create(Raw(identity));

    /// <summary>A plain HttpClient on the server (for requests the typed client deliberately cannot make).</summary>
    protected HttpClient Raw(GlanceIdentity identity)
    {
        var client = Server.CreateClient(identity);
        clients.Add(client);
        return client;
    }

    protected static Dictionary<string, string> Headers(V1ImageMetadata metadata) => V1MetadataCodec.Encode(metadata);

    protected static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    protected static byte[] Bytes(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>Creates an active image with data as <paramref name="api"/>'s project.</summary>
    protected static async Task<V1ImageMetadata> CreateWithDataAsync(IGlanceV1Api api, byte[] data, V1ImageMetadata? metadata = null)
    {
        metadata ??= new V1ImageMetadata();
        metadata = metadata with { DiskFormat = metadata.DiskFormat ?? "raw", ContainerFormat = metadata.ContainerFormat ?? "bare" };
        using var response = await api.CreateImageWithDataAsync(Headers(metadata), new MemoryStream(data));
        return Created(response);
    }

    /// <summary>Reserves a queued image (or what the headers ask for) as <paramref name="api"/>'s project.</summary>
    protected static async Task<V1ImageMetadata> CreateAsync(IGlanceV1Api api, V1ImageMetadata metadata)
    {
        using var response = await api.CreateImageAsync(Headers(metadata));
        return Created(response);
    }

    protected static V1ImageMetadata Created(IApiResponse<V1ImageEnvelope> response)
    {
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {(response.Error as ApiException)?.Content}");
        return response.Content!.Image!;
    }

    protected static async Task<V1ImageMetadata> HeadAsync(IGlanceV1Api api, string id)
    {
        using var response = await api.GetImageMetadataAsync(id);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return V1MetadataCodec.Decode(response);
    }
}
