using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NovaImage.TestSupport;

namespace NovaImage.Tests.Cloud;

/// <summary>
/// The test cloud is wired: <see cref="KeystoneCloud"/> finds Keystone, and the Glance behind it validates Keystone
/// tokens for real (an unknown or revoked token is refused), and the fixture's application credentials work. Every
/// Keystone test relies on this.
/// </summary>
public sealed class KeystoneCloudTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_demo_token_from_Keystone_lists_images_on_the_Keystone_backed_Glance_and_a_bogus_token_is_refused()
    {
        var token = await KeystoneCloud.IssueTokenAsync(KeystoneCloud.Demo);

        Assert.Equal(HttpStatusCode.OK, await ListImagesAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListImagesAsync("gAAAAAnot-a-keystone-token"));
    }

    [Fact]
    public async Task A_revoked_token_is_refused_by_the_Keystone_backed_Glance_at_once()
    {
        var token = await KeystoneCloud.IssueTokenAsync(KeystoneCloud.AltDemo);
        Assert.Equal(HttpStatusCode.OK, await ListImagesAsync(token));

        await KeystoneCloud.RevokeTokenAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, await ListImagesAsync(token));
    }

    [Fact]
    public async Task An_application_credential_authenticates_until_it_is_deleted()
    {
        var credential = await KeystoneCloud.CreateApplicationCredentialAsync(KeystoneCloud.Demo);
        try
        {
            Assert.Equal(HttpStatusCode.Created, await AuthenticateAsync(credential));
        }
        finally
        {
            await KeystoneCloud.DeleteApplicationCredentialAsync(credential);
        }

        // Keystone (Zed) answers an unknown application credential id with 404, not 401.
        Assert.Equal(HttpStatusCode.NotFound, await AuthenticateAsync(credential));
    }

    private static async Task<HttpStatusCode> AuthenticateAsync(KeystoneApplicationCredential credential)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("application_credential"),
                    ["application_credential"] = new JsonObject { ["id"] = credential.Id, ["secret"] = credential.Secret },
                },
            },
        };
        // StringContent: Keystone under uwsgi reads a chunked body as empty
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri($"{KeystoneCloud.AuthUrl.AbsoluteUri.TrimEnd('/')}/auth/tokens"), content);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> ListImagesAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(KeystoneCloud.ImageUrl, "/v2/images?limit=1"));
        request.Headers.Add("X-Auth-Token", token);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }
}
