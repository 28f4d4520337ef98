using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NovaImage.Keystone;
using NovaImage.Tests.ImageApi;
using NovaImage.TestSupport;
using KeystoneUser = NovaImage.TestSupport.KeystoneUser;

namespace NovaImage.Tests.Keystone;

/// <summary>
/// Keystone v3 authentication and catalog discovery against the real cloud (Keystone and the Glance behind it, see
/// <see cref="KeystoneCloud"/>): logins by password, application credential and token, the catalog choices, the typed
/// errors, tenancy between two real projects, and token renewal on a 401 and before expiry.
/// </summary>
public sealed class KeystoneAuthTests : IAsyncLifetime
{
    private const int TokenIssuedEvent = 200;
    private readonly List<(ImageApiHost Host, string Id)> _created = [];
    private readonly string _prefix = "ks-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Password_login_finds_glance_in_the_catalog_and_lists_creates_downloads_and_deletes()
    {
        await using var demo = Client(KeystoneCloud.Demo);
        var data = RandomNumberGenerator.GetBytes(50_000);
        var tag = _prefix + "-password";

        var image = await CreateAsync(demo, tag);
        await demo.Api.UploadAsync(image.Id, new MemoryStream(data));
        var copy = new MemoryStream();
        await demo.Api.DownloadAsync(image.Id, copy);
        var listed = await demo.Api.ListImagesAsync(new ImageQuery { Tags = [tag] }).ToListAsync();
        await demo.Api.DeleteImageAsync(image.Id);

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(image.Id, Assert.Single(listed).Id);
        Assert.Equal(KeystoneCloud.Demo.ProjectId, image.Owner);
        // The endpoint came from the catalog's internal interface (Nova's default order: internal, then public; no
        // api_servers were configured), and every call shared one token.
        Assert.Equal(KeystoneCloud.ImageInternalUrl.Authority, Assert.Single(demo.Core.Endpoints.Servers).Authority);
        Assert.Equal(1, TokensIssued(demo));
        await Assert.ThrowsAsync<ImageNotFoundException>(() => demo.Api.GetImageAsync(image.Id));
        Assert.DoesNotContain(demo.Logs.GetSnapshot(), r => r.Message.Contains(KeystoneCloud.Demo.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Application_credential_by_id_and_by_name_logs_in_to_the_owners_project()
    {
        var credential = await KeystoneCloud.CreateApplicationCredentialAsync(KeystoneCloud.Demo);
        try
        {
            await using var byId = Client(k =>
            {
                k.AuthType = "v3applicationcredential";
                k.ApplicationCredentialId = credential.Id;
                k.ApplicationCredentialSecret = credential.Secret;
            });
            await using var byName = Client(k =>
            {
                k.AuthType = "v3applicationcredential";
                k.ApplicationCredentialName = credential.Name;
                k.Username = KeystoneCloud.Demo.Username;
                k.UserDomainName = KeystoneCloud.Demo.UserDomainName;
                k.ApplicationCredentialSecret = credential.Secret;
            });

            var image = await CreateAsync(byId, _prefix + "-appcred");
            var seen = await byName.Api.GetImageAsync(image.Id);

            Assert.Equal(KeystoneCloud.Demo.ProjectId, image.Owner);
            Assert.Equal(ImageVisibility.Private, seen.Visibility);
            Assert.DoesNotContain(byId.Logs.GetSnapshot(), r => r.Message.Contains(credential.Secret, StringComparison.Ordinal));
        }
        finally
        {
            await KeystoneCloud.DeleteApplicationCredentialAsync(credential);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_a_typed_error_naming_keystone_the_user_and_the_project_but_not_the_password()
    {
        const string wrong = "not-the-demo-password-7f3a";
        await using var client = Client(KeystoneCloud.Demo, k => k.Password = wrong);

        var error = await Assert.ThrowsAsync<ImageNotAuthorizedException>(() => client.Api.ListImagesAsync().ToListAsync().AsTask());

        Assert.Equal(KeystoneCloud.AuthUrl.AbsoluteUri.TrimEnd('/'), error.Server!.AbsoluteUri.TrimEnd('/'));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("'demo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("project 'demo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(client.Logs.GetSnapshot(), r => r.Message.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_token_is_a_typed_error_naming_keystone_and_not_the_token()
    {
        var token = await KeystoneCloud.IssueTokenAsync(KeystoneCloud.Demo);
        await KeystoneCloud.RevokeTokenAsync(token);
        await using var client = Client(k =>
        {
            k.AuthType = "token";
            k.Token = token;
            k.ProjectId = KeystoneCloud.Demo.ProjectId;
        });

        var error = await Assert.ThrowsAsync<ImageNotAuthorizedException>(() => client.Api.ListImagesAsync().ToListAsync().AsTask());

        Assert.Equal(KeystoneCloud.AuthUrl.Authority, error.Server!.Authority);
        Assert.Contains("revoked", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, client.Requests.To(KeystoneCloud.ImageUrl));
    }

    [Fact]
    public async Task A_valid_existing_token_is_used_for_its_project()
    {
        var token = await KeystoneCloud.IssueTokenAsync(KeystoneCloud.Demo);
        await using var client = Client(k =>
        {
            k.AuthType = "v3token";
            k.Token = token;
            k.ProjectName = KeystoneCloud.Demo.ProjectName;
            k.ProjectDomainName = KeystoneCloud.Demo.ProjectDomainName;
        });

        var image = await CreateAsync(client, _prefix + "-token");

        Assert.Equal(KeystoneCloud.Demo.ProjectId, image.Owner);
    }

    [Fact]
    public async Task Demo_and_alt_demo_cannot_see_each_others_private_images()
    {
        await using var demo = Client(KeystoneCloud.Demo);
        await using var altDemo = Client(KeystoneCloud.AltDemo);
        var demoImage = await CreateAsync(demo, _prefix + "-demo");
        var altImage = await CreateAsync(altDemo, _prefix + "-alt");

        await Assert.ThrowsAsync<ImageNotFoundException>(() => altDemo.Api.GetImageAsync(demoImage.Id));
        await Assert.ThrowsAsync<ImageNotFoundException>(() => demo.Api.GetImageAsync(altImage.Id));
        Assert.DoesNotContain(await altDemo.Api.ListImagesAsync(new ImageQuery { Ids = [demoImage.Id] }).ToListAsync(), i => i.Id == demoImage.Id);
        Assert.Equal(KeystoneCloud.AltDemo.ProjectId, (await altDemo.Api.GetImageAsync(altImage.Id)).Owner);
    }

    [Fact]
    public async Task A_token_glance_rejects_is_renewed_once_and_the_call_succeeds()
    {
        await using var client = Client(KeystoneCloud.Demo);
        await client.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).Take(1).ToListAsync();
        var first = await client.Core.Keystone!.GetTokenAsync(CancellationToken.None);
        await KeystoneCloud.RevokeTokenAsync(first);
        var before = client.Requests.All.Count;

        var image = await CreateAsync(client, _prefix + "-renewed");

        Assert.Equal(KeystoneCloud.Demo.ProjectId, image.Owner);
        Assert.NotEqual(first, await client.Core.Keystone.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, TokensIssued(client));
        // The create was sent twice: with the revoked token (401), then with the new one.
        Assert.Equal(2, client.Requests.All.Skip(before).Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_token_is_renewed_before_it_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var client = Client(KeystoneCloud.Demo, time: time);
        await client.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).Take(1).ToListAsync();
        var first = await client.Core.Keystone!.GetTokenAsync(CancellationToken.None);

        // Keystone's own expiry (issued_at is in whole seconds, so not derived from the test's clock).
        var expiresAt = DateTimeOffset.Parse(client.Logs.GetSnapshot().Single(r => r.Id.Id == TokenIssuedEvent).GetStructuredStateValue("ExpiresAt")!, CultureInfo.InvariantCulture);

        time.SetUtcNow(expiresAt - KeystoneSession.RenewalMargin - TimeSpan.FromSeconds(30));
        await client.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).Take(1).ToListAsync();
        Assert.Equal(1, TokensIssued(client));
        time.SetUtcNow(expiresAt - TimeSpan.FromSeconds(30));
        await client.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).Take(1).ToListAsync();

        Assert.Equal(2, TokensIssued(client));
        Assert.NotEqual(first, await client.Core.Keystone.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_token_request()
    {
        await using var client = Client(KeystoneCloud.Demo);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).Take(1).ToListAsync().AsTask()));

        Assert.Equal(1, TokensIssued(client));
    }

    [Fact]
    public async Task A_region_without_an_image_endpoint_is_a_configuration_error_listing_the_catalog()
    {
        await using var client = Client(KeystoneCloud.Demo, k => k.RegionName = "RegionNowhere");

        var error = await Assert.ThrowsAsync<GlanceConfigurationException>(() => client.Api.ListImagesAsync().ToListAsync().AsTask());

        Assert.Contains("RegionNowhere", error.Message, StringComparison.Ordinal);
        Assert.Contains(KeystoneCloud.Region, error.Message, StringComparison.Ordinal);
        Assert.Contains(KeystoneCloud.ImageUrl.Authority, error.Message, StringComparison.Ordinal);
        Assert.Empty(client.Requests.All);
    }

    [Fact]
    public async Task Valid_interfaces_choose_the_catalog_interface()
    {
        // The project's cloud spells the internal endpoint differently from the public one: asking for public only
        // must give the public spelling (the default order gives the internal one, see the password login test).
        await using var client = Client(KeystoneCloud.Demo, k => k.ValidInterfaces = ["public"]);

        await client.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).Take(1).ToListAsync();

        Assert.NotEqual(KeystoneCloud.ImageInternalUrl.Authority, KeystoneCloud.ImageUrl.Authority);
        Assert.Equal(KeystoneCloud.ImageUrl.Authority, Assert.Single(client.Core.Endpoints.Servers).Authority);
        Assert.Contains(client.Logs.GetSnapshot(), r => r.Id.Id == 202 && r.Message.Contains("interfaces public", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endpoint_override_is_used_instead_of_the_catalog_and_a_version_suffix_is_dropped()
    {
        var spelled = new UriBuilder(KeystoneCloud.ImageUrl) { Host = "localhost", Path = "/v2" }.Uri;
        await using var client = Client(KeystoneCloud.Demo, k => k.EndpointOverride = spelled.AbsoluteUri);

        await client.Api.ListImagesAsync(new ImageQuery { Limit = 1 }).Take(1).ToListAsync();

        Assert.Equal($"http://localhost:{KeystoneCloud.ImageUrl.Port}/", Assert.Single(client.Core.Endpoints.Servers).AbsoluteUri);
        Assert.All(client.Requests.All, r => Assert.Equal("localhost", r.Uri.Host));
    }

    [Fact]
    public async Task Api_servers_win_over_the_catalog()
    {
        var closed = ImageApiHost.ClosedPort();
        await using var client = Client(KeystoneCloud.Demo, glance: o =>
        {
            o.ApiServers = [closed.AbsoluteUri];
            o.NumRetries = 0;
        });

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => client.Api.ListImagesAsync().ToListAsync().AsTask());

        Assert.Equal(closed.Authority, error.Server!.Authority);
        Assert.Equal(0, client.Requests.To(KeystoneCloud.ImageUrl));
    }

    [Fact]
    public async Task An_unreachable_keystone_is_a_connection_error_naming_it()
    {
        var closed = ImageApiHost.ClosedPort();
        await using var client = Client(KeystoneCloud.Demo, k => k.AuthUrl = new Uri(closed, "/v3").AbsoluteUri);

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => client.Api.ListImagesAsync().ToListAsync().AsTask());

        Assert.Equal(closed.Authority, error.Server!.Authority);
        Assert.Contains("Keystone", error.Message, StringComparison.Ordinal);
        Assert.Empty(client.Requests.All);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (host, id) in _created)
        {
            try
            {
                await host.Api.DeleteImageAsync(id);
            }
            catch (ImageNotFoundException)
            {
                // deleted by the test itself
            }
        }
        foreach (var host in _created.Select(c => c.Host).Distinct())
            await host.DisposeAsync();
    }

    private async Task<Image> CreateAsync(ImageApiHost host, string tag)
    {
        var image = await host.Api.CreateImageAsync(new ImageCreate
        {
            Name = tag, DiskFormat = "raw", ContainerFormat = "bare", Visibility = ImageVisibility.Private, Tags = [tag],
        });
        // A client of its own deletes it afterwards: the test's client may be disposed (or its token revoked) by then.
        _created.Add((Client(Owner(image.Owner)), image.Id));
        return image;
    }

    private static KeystoneUser Owner(string? projectId) =>
        projectId == KeystoneCloud.AltDemo.ProjectId ? KeystoneCloud.AltDemo : KeystoneCloud.Demo;

    private static int TokensIssued(ImageApiHost host) => host.Logs.GetSnapshot().Count(r => r.Id.Id == TokenIssuedEvent);

    /// <summary>A client of <paramref name="user"/> by password, endpoints from the catalog unless told otherwise.</summary>
    private static ImageApiHost Client(KeystoneUser user, Action<KeystoneAuthOptions>? keystone = null, Action<GlanceOptions>? glance = null, TimeProvider? time = null) =>
        Client(k =>
        {
            k.AuthType = "password";
            k.Username = user.Username;
            k.Password = user.Password;
            k.UserDomainName = user.UserDomainName;
            k.ProjectName = user.ProjectName;
            k.ProjectDomainName = user.ProjectDomainName;
            keystone?.Invoke(k);
        }, glance, time);

    private static ImageApiHost Client(Action<KeystoneAuthOptions> keystone, Action<GlanceOptions>? glance = null, TimeProvider? time = null) =>
        ImageApiHost.Build(services =>
        {
            if (time is not null) services.AddSingleton(time);
            return services.AddGlanceImageApi(o =>
            {
                var auth = new KeystoneAuthOptions { AuthUrl = KeystoneCloud.AuthUrl.AbsoluteUri, RegionName = KeystoneCloud.Region };
                keystone(auth);
                o.Keystone = auth;
                o.RetryDelay = TimeSpan.Zero;
                glance?.Invoke(o);
            });
        });
}
