using NovaImage.Keystone;

namespace NovaImage.Tests.ImageApi;

/// <summary>
/// clouds.yaml, secure.yaml and the OS_* variables, with openstackclient's precedence. Each test has its own files and
/// an explicit environment (HOME pointing at its own directory), so none reads the machine's clouds.yaml or changes
/// the process environment.
/// </summary>
public sealed class OpenStackCloudConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("novaimage-clouds-");
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("novaimage-clouds-cwd-");

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _work.Delete(recursive: true);
    }

    private string UserConfig(string name, string text)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_home.FullName, ".config", "openstack"));
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Dictionary<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string?> { ["HOME"] = _home.FullName };
        foreach (var (name, value) in variables) environment[name] = value;
        return environment;
    }

    private GlanceOptions Apply(string? cloud, Dictionary<string, string?> environment, GlanceOptions? options = null) =>
        OpenStackCloudConfiguration.Apply(options ?? new GlanceOptions(), cloud, environment, _work.FullName);

    private const string Clouds = """
        clouds:
          prod:
            auth:
              auth_url: https://keystone.example:5000/v3
              username: alice
              project_name: images
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionOne
            interface: internal
            image_api_version: '2'
            image_endpoint_override: https://glance.example:9292
            cacert: /etc/ssl/cloud-ca.pem
            cert: /etc/ssl/client.pem
            key: /etc/ssl/client.key
          lab:
            auth_type: v3applicationcredential
            auth:
              auth_url: http://lab:5000/v3
              application_credential_id: appcred-1
              application_credential_secret: lab-secret
            regions: [LabRegion, Other]
            verify: false
        """;

    [Fact]
    public void A_cloud_from_the_user_clouds_yaml_fills_Keystone_TLS_and_the_API_version_and_secure_yaml_adds_the_password()
    {
        UserConfig("clouds.yaml", Clouds);
        UserConfig("secure.yaml", """
            clouds:
              prod:
                auth:
                  password: from-secure-yaml
            """);

        var options = Apply("prod", Environment());

        var keystone = options.Keystone!;
        Assert.Equal("https://keystone.example:5000/v3", keystone.AuthUrl);
        Assert.Equal(("alice", "from-secure-yaml", "images", "Default", "Default"),
            (keystone.Username, keystone.Password, keystone.ProjectName, keystone.UserDomainName, keystone.ProjectDomainName));
        Assert.Equal("RegionOne", keystone.RegionName);
        Assert.Equal(["internal"], keystone.ValidInterfaces);
        Assert.Equal("https://glance.example:9292", keystone.EndpointOverride);
        Assert.Equal(ApiVersion.V2, options.ApiVersion);
        Assert.Equal(("/etc/ssl/cloud-ca.pem", "/etc/ssl/client.pem", "/etc/ssl/client.key"), (options.CaFile, options.CertFile, options.KeyFile));
        Assert.False(options.Insecure);
    }

    [Fact]
    public void OS_CLOUD_picks_the_cloud_auth_type_and_the_first_region_come_from_it_and_verify_false_turns_verification_off()
    {
        UserConfig("clouds.yml", Clouds);

        var options = Apply(null, Environment(("OS_CLOUD", "lab")));

        var keystone = options.Keystone!;
        Assert.Equal("v3applicationcredential", keystone.AuthType);
        Assert.Equal(("appcred-1", "lab-secret"), (keystone.ApplicationCredentialId, keystone.ApplicationCredentialSecret));
        Assert.Equal("LabRegion", keystone.RegionName);
        Assert.True(options.Insecure);
    }

    [Fact]
    public void OS_variables_win_over_the_cloud_as_in_openstackclient()
    {
        UserConfig("clouds.yaml", Clouds);

        var options = Apply(null, Environment(
            ("OS_CLOUD", "prod"), ("OS_PASSWORD", "from-env"), ("OS_REGION_NAME", "RegionTwo"), ("OS_INTERFACE", "public"),
            ("OS_IMAGE_URL", "https://glance2.example:9292"), ("OS_IMAGE_API_VERSION", "1"), ("OS_CACERT", "/tmp/other-ca.pem")));

        var keystone = options.Keystone!;
        Assert.Equal("alice", keystone.Username);           // from the cloud
        Assert.Equal("from-env", keystone.Password);        // from OS_PASSWORD
        Assert.Equal("RegionTwo", keystone.RegionName);
        Assert.Equal(["public"], keystone.ValidInterfaces);
        Assert.Equal("https://glance2.example:9292", keystone.EndpointOverride);
        Assert.Equal(ApiVersion.V1, options.ApiVersion);
        Assert.Equal("/tmp/other-ca.pem", options.CaFile);
    }

    [Fact]
    public void A_cloud_named_in_the_call_wins_over_OS_CLOUD_and_OS_CLIENT_CONFIG_FILE_is_read_before_the_search_path()
    {
        UserConfig("clouds.yaml", Clouds);
        var explicitFile = Path.Combine(_work.FullName, "elsewhere.yaml");
        File.WriteAllText(explicitFile, """
            clouds:
              prod:
                auth: { auth_url: 'http://override:5000/v3', user_id: u9, password: p9, project_id: proj9 }
            """);

        var options = Apply("prod", Environment(("OS_CLOUD", "lab"), ("OS_CLIENT_CONFIG_FILE", explicitFile)));

        Assert.Equal(("http://override:5000/v3", "u9", "proj9"), (options.Keystone!.AuthUrl, options.Keystone.UserId, options.Keystone.ProjectId));
    }

    [Fact]
    public void A_clouds_yaml_in_the_current_directory_comes_before_the_users()
    {
        UserConfig("clouds.yaml", Clouds);
        File.WriteAllText(Path.Combine(_work.FullName, "clouds.yaml"), """
            clouds:
              prod:
                auth: { auth_url: 'http://from-cwd:5000/v3', token: t0k }
            """);

        var options = Apply("prod", Environment());

        Assert.Equal("http://from-cwd:5000/v3", options.Keystone!.AuthUrl);
        Assert.Null(options.Keystone.Username); // one file is read, not merged with the next one found
    }

    [Fact]
    public void OS_variables_alone_configure_Keystone_and_with_none_the_options_are_left_as_they_are()
    {
        var fromEnvironment = Apply(null, Environment(
            ("OS_AUTH_URL", "http://ks:5000/v3"), ("OS_USERNAME", "demo"), ("OS_PASSWORD", "pw"), ("OS_PROJECT_NAME", "demo"),
            ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_NAME", "Default"), ("OS_AUTH_TYPE", "password")));
        Assert.Equal(("http://ks:5000/v3", "demo", "pw", "password"),
            (fromEnvironment.Keystone!.AuthUrl, fromEnvironment.Keystone.Username, fromEnvironment.Keystone.Password, fromEnvironment.Keystone.AuthType));

        var untouched = Apply(null, Environment(("OS_REGION_NAME", "RegionOne")), new GlanceOptions { ApiServers = ["http://glance:9292"], Token = "p:u" });
        Assert.Null(untouched.Keystone); // a region alone selects nothing (as openstacksdk's selectors)
        Assert.Equal(["http://glance:9292"], untouched.ApiServers);
    }

    [Fact]
    public void OS_IMAGE_URL_without_Keystone_is_the_Glance_endpoint_as_with_glanceclient_and_a_token()
    {
        var options = Apply(null, Environment(("OS_IMAGE_URL", "http://glance.example:9292")), new GlanceOptions { Token = "p:u" });

        Assert.Null(options.Keystone);
        Assert.Equal(["http://glance.example:9292"], options.ApiServers);
    }

    [Fact]
    public void An_application_credential_from_OS_variables_is_inferred_without_OS_AUTH_TYPE()
    {
        var options = Apply(null, Environment(
            ("OS_AUTH_URL", "http://ks:5000/v3"), ("OS_APPLICATION_CREDENTIAL_ID", "ac"), ("OS_APPLICATION_CREDENTIAL_SECRET", "s"), ("OS_TOKEN", "")));

        Assert.Equal(("ac", "s"), (options.Keystone!.ApplicationCredentialId, options.Keystone.ApplicationCredentialSecret));
        Assert.Null(options.Keystone.Token); // an empty variable is not set
        Assert.Equal(KeystoneAuthMethod.ApplicationCredential, KeystoneAuthMethods.Resolve(options.Keystone));
    }

    [Fact]
    public void A_missing_cloud_names_the_file_and_the_clouds_it_has()
    {
        var path = UserConfig("clouds.yaml", Clouds);

        var error = Assert.Throws<GlanceConfigurationException>(() => Apply("staging", Environment()));

        Assert.Contains(path, error.Message);
        Assert.Contains("no cloud named 'staging'", error.Message);
        Assert.Contains("lab, prod", error.Message);
    }

    [Fact]
    public void A_cloud_asked_for_with_no_clouds_yaml_anywhere_says_where_it_looked()
    {
        var error = Assert.Throws<GlanceConfigurationException>(() => Apply(null, Environment(("OS_CLOUD", "prod"))));

        Assert.Contains("cloud 'prod'", error.Message);
        Assert.Contains(Path.Combine(_home.FullName, ".config", "openstack", "clouds.yaml"), error.Message);
        Assert.Contains("/etc/openstack/clouds.yaml", error.Message);
    }

    [Fact]
    public void Broken_YAML_and_unusable_values_are_typed_errors_naming_the_file_or_variable()
    {
        var path = UserConfig("clouds.yaml", "clouds:\n  prod: [\n  lab: x\n");
        var yaml = Assert.Throws<GlanceConfigurationException>(() => Apply("prod", Environment()));
        Assert.Contains($"{path} is not valid YAML", yaml.Message);

        var version = Assert.Throws<GlanceConfigurationException>(() => Apply(null, Environment(("OS_IMAGE_API_VERSION", "3"))));
        Assert.Contains("OS_IMAGE_API_VERSION: image_api_version '3' is not a Glance API version", version.Message);
    }
}
