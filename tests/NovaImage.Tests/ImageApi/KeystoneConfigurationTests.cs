using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NovaImage.Tests.ImageApi;

/// <summary>nova.conf's [glance] keystoneauth options and appsettings' Glance:Keystone, bound and validated at start.</summary>
public sealed class KeystoneConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("novaimage-keystone-config-");

    public void Dispose() => _dir.Delete(recursive: true);

    private IConfiguration NovaConf(string text)
    {
        var path = Path.Combine(_dir.FullName, $"nova-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        return new ConfigurationBuilder().AddIniFile(path).Build();
    }

    private IConfiguration AppSettings(string json)
    {
        var path = Path.Combine(_dir.FullName, $"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return new ConfigurationBuilder().AddJsonFile(path).Build();
    }

    // The options as validated at start (the client's core is not built: these tests are about configuration).
    private static GlanceOptions Bound(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddGlanceImageApi(configuration);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptionsMonitor<GlanceOptions>>().Get(GlanceServiceCollectionExtensions.OptionsName<GlanceImageApi>());
    }

    private static string StartFails(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddGlanceImageApi(configuration);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate()).Message;
    }

    [Fact]
    public void A_nova_conf_glance_section_with_keystoneauth_keys_configures_Keystone_without_api_servers()
    {
        var options = Bound(NovaConf("""
            [glance]
            auth_type = password
            auth_url = http://keystone.example:5000/v3
            username = nova
            password = s3cret
            user_domain_name = Default
            project_name = service
            project_domain_id = default
            region_name = RegionTwo
            valid_interfaces = public, admin
            service_type = image
            endpoint_override = http://glance.example:9292
            """));

        var keystone = Assert.IsType<KeystoneAuthOptions>(options.Keystone);
        Assert.Equal("password", keystone.AuthType);
        Assert.Equal("http://keystone.example:5000/v3", keystone.AuthUrl);
        Assert.Equal("nova", keystone.Username);
        Assert.Equal("s3cret", keystone.Password);
        Assert.Equal("Default", keystone.UserDomainName);
        Assert.Equal("service", keystone.ProjectName);
        Assert.Equal("default", keystone.ProjectDomainId);
        Assert.Equal("RegionTwo", keystone.RegionName);
        Assert.Equal(["public", "admin"], keystone.ValidInterfaces);
        Assert.Equal("http://glance.example:9292", keystone.EndpointOverride);
        Assert.Empty(options.ApiServers);
        Assert.Null(options.Token);
    }

    [Fact]
    public void Application_credential_and_token_keys_bind_and_a_nova_conf_token_is_keystoneauths_there()
    {
        var appCred = Bound(NovaConf("""
            [glance]
            auth_type = v3applicationcredential
            auth_url = http://keystone.example:5000/v3
            application_credential_id = 0a1b2c
            application_credential_secret = s3cret
            user_id = u1
            project_id = p1
            user_domain_id = default
            """)).Keystone!;
        Assert.Equal(("0a1b2c", "s3cret", "u1", "p1", "default"),
            (appCred.ApplicationCredentialId, appCred.ApplicationCredentialSecret, appCred.UserId, appCred.ProjectId, appCred.UserDomainId));

        var token = Bound(NovaConf("""
            [glance]
            auth_type = token
            auth_url = http://keystone.example:5000/v3
            token = gAAAAAB-keystone-token
            """));
        Assert.Equal("gAAAAAB-keystone-token", token.Keystone!.Token);
        Assert.Null(token.Token); // not also sent to Glance as a static X-Auth-Token
    }

    [Fact]
    public void A_nova_conf_token_without_keystoneauth_keys_stays_the_static_token_and_region_name_alone_does_not_turn_Keystone_on()
    {
        var options = Bound(NovaConf("""
            [glance]
            api_servers = http://glance.example:9292
            token = p:u
            region_name = RegionOne
            """));
        Assert.Equal("p:u", options.Token);
        Assert.Null(options.Keystone);
    }

    [Fact]
    public void Appsettings_bind_the_Glance_Keystone_section_by_property_name()
    {
        var options = Bound(AppSettings("""
            {
              "Glance": {
                "Keystone": {
                  "AuthUrl": "https://keystone.example:5000/v3",
                  "ApplicationCredentialId": "abc",
                  "ApplicationCredentialSecret": "s3cret",
                  "RegionName": "RegionOne",
                  "ValidInterfaces": [ "internal" ],
                  "ServiceType": "image"
                }
              }
            }
            """));
        var keystone = options.Keystone!;
        Assert.Equal("https://keystone.example:5000/v3", keystone.AuthUrl);
        Assert.Equal("abc", keystone.ApplicationCredentialId);
        Assert.Equal("s3cret", keystone.ApplicationCredentialSecret);
        Assert.Equal("RegionOne", keystone.RegionName);
        Assert.Equal(["internal"], keystone.ValidInterfaces);
    }

    [Theory]
    [InlineData("auth_type = password\nusername = nova\nuser_domain_name = Default\npassword = x\nproject_name = service\nproject_domain_name = Default", "[glance] auth_url is required when auth_type = password")]
    [InlineData("auth_url = http://ks:5000/v3\nusername = nova\nuser_domain_name = Default\nproject_name = service\nproject_domain_name = Default", "[glance] password is required when auth_type = password")]
    [InlineData("auth_url = http://ks:5000/v3\npassword = x\nproject_id = p", "[glance] username (or user_id) is required when auth_type = password")]
    [InlineData("auth_url = http://ks:5000/v3\nuser_id = u\npassword = x", "[glance] project_name (or project_id) is required when auth_type = password")]
    [InlineData("auth_url = http://ks:5000/v3\nusername = nova\npassword = x\nproject_id = p", "[glance] user_domain_name (or user_domain_id) is required with username")]
    [InlineData("auth_url = http://ks:5000/v3\nuser_id = u\npassword = x\nproject_name = service", "[glance] project_domain_name (or project_domain_id) is required with project_name")]
    [InlineData("auth_type = v3applicationcredential\nauth_url = http://ks:5000/v3\napplication_credential_id = a", "[glance] application_credential_secret is required when auth_type = v3applicationcredential")]
    [InlineData("auth_type = token\nauth_url = http://ks:5000/v3", "[glance] token is required when auth_type = token")]
    [InlineData("auth_type = kerberos\nauth_url = http://ks:5000/v3", "[glance] auth_type: 'kerberos' is not supported")]
    [InlineData("auth_url = keystone:5000\nuser_id = u\npassword = x\nproject_id = p", "[glance] auth_url: 'keystone:5000' is not an absolute http or https URL")]
    [InlineData("auth_url = http://ks:5000/v3\nuser_id = u\npassword = x\nproject_id = p\nendpoint_override = ftp://glance", "[glance] endpoint_override: ")]
    public void Each_keystoneauth_mistake_is_refused_at_start_naming_the_nova_conf_key(string lines, string expected)
    {
        var message = StartFails(NovaConf("[glance]\n" + lines + "\n"));
        Assert.Contains(expected, message);
        Assert.DoesNotContain("api_servers is empty", message); // Keystone's catalog replaces api_servers
    }

    [Fact]
    public void Secrets_are_not_repeated_in_validation_messages()
    {
        var message = StartFails(NovaConf("""
            [glance]
            auth_url = http://admin:hunter2@keystone.example:5000/v3
            username = nova
            password = hunter2
            application_credential_secret = hunter2
            """));
        Assert.Contains("[glance] auth_url: must not carry a user name or password", message);
        Assert.DoesNotContain("hunter2", message);
    }

    [Fact]
    public void A_static_token_beside_Keystone_is_refused_rather_than_guessed()
    {
        var message = StartFails(AppSettings("""
            { "Glance": { "Token": "p:u", "Keystone": { "AuthUrl": "http://ks:5000/v3", "UserId": "u", "Password": "x", "ProjectId": "p" } } }
            """));
        Assert.Contains("[glance] token is a static token, but Keystone is configured too", message);
    }
}
