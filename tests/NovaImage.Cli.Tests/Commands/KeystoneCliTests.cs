using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>
/// The CLI against the real Keystone-backed Glance, configured as an openstack user would: a cloud from clouds.yaml
/// with --os-cloud, only OS_* variables, and a wrong password.
/// </summary>
public sealed class KeystoneCliTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Dictionary<string, string?> Variables(KeystoneUser user, string? password = null) => new()
    {
        ["OS_AUTH_URL"] = KeystoneCloud.AuthUrl.AbsoluteUri,
        ["OS_USERNAME"] = user.Username,
        ["OS_PASSWORD"] = password ?? user.Password,
        ["OS_PROJECT_NAME"] = user.ProjectName,
        ["OS_USER_DOMAIN_NAME"] = user.UserDomainName,
        ["OS_PROJECT_DOMAIN_NAME"] = user.ProjectDomainName,
        ["OS_REGION_NAME"] = KeystoneCloud.Region,
        ["OS_INTERFACE"] = "public",
    };

    // A clouds.yaml of its own (HOME pointed at the test's directory, so the machine's files play no part).
    private Dictionary<string, string?> CloudsYaml(KeystoneUser user)
    {
        var path = _files.Write("clouds.yaml", $"""
            clouds:
              test-cloud:
                auth:
                  auth_url: {KeystoneCloud.AuthUrl.AbsoluteUri}
                  username: {user.Username}
                  password: '{user.Password}'
                  project_name: {user.ProjectName}
                  user_domain_name: {user.UserDomainName}
                  project_domain_name: {user.ProjectDomainName}
                region_name: {KeystoneCloud.Region}
                interface: public
            """);
        return new() { ["OS_CLIENT_CONFIG_FILE"] = path, ["HOME"] = _files.Directory };
    }

    private static async Task<string> CreateImageAsync(IReadOnlyDictionary<string, string?> environment, string name)
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(environment,
            "image", "create", "--name", name, "--disk-format", "raw", "--container-format", "bare", "--json");
        NovaImageCli.AssertSucceeded(result);
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Os_cloud_from_clouds_yaml_lists_the_projects_images_from_the_catalogs_Glance()
    {
        var environment = CloudsYaml(KeystoneCloud.Demo);
        var name = $"ks-cli-{Guid.NewGuid():N}";
        var id = await CreateImageAsync(new Dictionary<string, string?>(environment) { ["OS_CLOUD"] = "test-cloud" }, name);
        try
        {
            var list = await NovaImageCli.RunWithEnvironmentAsync(environment, "--os-cloud", "test-cloud", "image", "list", "--name", name, "--json");

            NovaImageCli.AssertSucceeded(list);
            Assert.Contains(id, list.StandardOutput);
        }
        finally
        {
            NovaImageCli.AssertSucceeded(await NovaImageCli.RunWithEnvironmentAsync(environment, "--os-cloud", "test-cloud", "image", "delete", id));
        }
    }

    [Fact]
    public async Task Only_OS_variables_log_in_and_another_projects_private_image_stays_invisible()
    {
        var name = $"ks-cli-env-{Guid.NewGuid():N}";
        var id = await CreateImageAsync(Variables(KeystoneCloud.Demo), name);
        try
        {
            var mine = await NovaImageCli.RunWithEnvironmentAsync(Variables(KeystoneCloud.Demo), "image", "list", "--name", name, "--json");
            var theirs = await NovaImageCli.RunWithEnvironmentAsync(Variables(KeystoneCloud.AltDemo), "image", "list", "--name", name, "--json");

            NovaImageCli.AssertSucceeded(mine);
            Assert.Contains(id, mine.StandardOutput);
            NovaImageCli.AssertSucceeded(theirs);
            Assert.DoesNotContain(id, theirs.StandardOutput);
        }
        finally
        {
            NovaImageCli.AssertSucceeded(await NovaImageCli.RunWithEnvironmentAsync(Variables(KeystoneCloud.Demo), "image", "delete", id));
        }
    }

    [Fact]
    public async Task A_wrong_password_on_the_command_line_over_the_cloud_is_a_clear_not_authorized_error_that_does_not_print_it()
    {
        const string wrong = "not-the-password-7f3a";
        var result = await NovaImageCli.RunWithEnvironmentAsync(CloudsYaml(KeystoneCloud.Demo),
            "--os-cloud", "test-cloud", "--os-password", wrong, "image", "list");

        var error = NovaImageCli.AssertFailed(result, 4);
        Assert.Contains("Keystone", error);
        Assert.DoesNotContain(wrong, result.StandardError);
        Assert.DoesNotContain(KeystoneCloud.Demo.Password, result.StandardError);
    }

    [Fact]
    public async Task A_cloud_that_clouds_yaml_does_not_have_is_a_usage_error_naming_the_clouds_it_has()
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(CloudsYaml(KeystoneCloud.Demo), "--os-cloud", "prod", "image", "list");

        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains("no cloud named 'prod' (its clouds: test-cloud)", error);
    }
}
