using NovaImage.TestSupport;
using NovaImage.TestSupport.Proxy;
using NovaImage.Tests.V2;

namespace NovaImage.Tests.Download;

/// <summary>The test proxy's record of a request is never behind what the client has already seen of it.</summary>
public sealed class FaultInjectingProxyTests : GlanceV2TestBase
{
    private const int AfterBytes = 100_000;

    [Fact]
    public async Task A_request_is_recorded_with_its_status_bytes_and_fault_before_the_client_sees_them()
    {
        var image = await CreateActiveImageAsync("proxy", RandomBytes(4 * AfterBytes));
        await using var proxy = await FaultInjectingProxy.StartAsync(GlanceServer.Endpoint, FaultInjectingProxy.StallImageData(AfterBytes));
        using var http = new HttpClient { BaseAddress = proxy.Endpoint };
        http.DefaultRequestHeaders.Add("X-Auth-Token", GlanceIdentity.ProjectA.Token);

        // The stall keeps the response open after AfterBytes until this client leaves, so the proxy cannot have
        // finished the request yet: what the record shows here, it recorded before the client saw it.
        using var response = await http.GetAsync($"v2/images/{image.Id}/file", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.ReadExactlyAsync(new byte[AfterBytes]);

        Assert.Equal(new ProxiedRequest("GET", $"/v2/images/{image.Id}/file", Range: null, Status: 200, BodyBytesSent: AfterBytes, Cut: true), Assert.Single(proxy.Requests));
    }
}
