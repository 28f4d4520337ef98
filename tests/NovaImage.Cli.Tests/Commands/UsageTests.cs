using NovaImage.Cli.Tests.Infrastructure;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>Help, usage errors and configuration errors: exit codes and one-line messages.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task Help_lists_the_commands_and_documents_exit_codes_and_environment()
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), "--help");
        NovaImageCli.AssertSucceeded(result);
        foreach (var text in new[] { "versions", "image", "stores", "config", "--api-server", "--api-version", "--config", "--token", "--json", "--debug",
                     "Exit codes:", "3  not found", "4  not authorized", "5  integrity failure", "6  connection failure",
                     "8  unverified", "129, 130, 143  interrupted by SIGHUP, SIGINT (Ctrl+C) or SIGTERM", "NOVAIMAGE_API_SERVERS", "OS_AUTH_TOKEN" })
            Assert.Contains(text, result.StandardOutput);
    }

    [Fact]
    public async Task Image_help_lists_every_image_command()
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), "image", "--help");
        NovaImageCli.AssertSucceeded(result);
        foreach (var command in new[] { "list", "show", "create", "upload", "download", "update", "delete", "tag", "member", "import", "deactivate", "reactivate" })
            Assert.Matches($@"(?m)^\s+{command}\b", result.StandardOutput);
    }

    [Theory]
    [InlineData("image", "import")]
    [InlineData("image", "download")]
    [InlineData("config", "check")]
    public async Task Help_of_a_command_with_required_values_is_shown_without_errors(params string[] command)
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), [.. command, "--help"]);
        NovaImageCli.AssertSucceeded(result);
        Assert.Contains("Usage:", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Theory]
    [InlineData("image", "list", "--bogus")]
    [InlineData("image")]
    [InlineData("image", "show")]
    [InlineData("--api-version", "3", "versions")]
    [InlineData("image", "import", "some-id", "--method", "copy-image")]
    [InlineData("image", "import", "some-id", "--method", "web-download")]
    [InlineData("image", "list", "--property", "novalue")]
    public async Task A_bad_command_line_is_a_usage_error(params string[] arguments)
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), arguments);
        NovaImageCli.AssertFailed(result, 2);
        Assert.Equal("", result.StandardOutput);
    }

    [Theory]
    [InlineData("--limit", "-1")]
    [InlineData("--limit", "0")]
    [InlineData("--page-size", "0")]
    public async Task A_count_that_is_not_positive_is_a_usage_error_not_an_unlimited_listing(string option, string value)
    {
        // Against the real Glance: before, `--limit -1` listed every image and exited 0.
        var result = await NovaImageCli.RunAsync("image", "list", option, value);

        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains($"{option} must be a positive number, not {value}", error, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public async Task A_download_parallelism_below_one_is_a_usage_error_before_anything_is_sent(string value)
    {
        // Nothing listens on the endpoint: the refusal comes from the command line, not from a failed request.
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(),
            "--api-server", "http://127.0.0.1:9", "--token", "p:u", "image", "download", "some-id", "--file", "out.raw", "--parallel", value);

        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains($"--parallel must be at least 1, not {value}", error, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    [Theory]
    [InlineData("abc\r\nX-Evil: 1", "a line break")]
    [InlineData("t\u00f6ken", "a non-ASCII character")]
    public async Task A_token_that_cannot_travel_as_a_header_is_a_usage_error_before_anything_is_sent(string token, string cause)
    {
        // Before the core, a CR/LF token reached the server as an extra header, and a non-ASCII one ended as exit 6.
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(),
            "--api-server", "http://127.0.0.1:9", "--token", token, "image", "list");

        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains("[glance] token:", error, StringComparison.Ordinal);
        Assert.Contains(cause, error, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Evil", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_in_api_server_is_a_usage_error_that_never_shows_it()
    {
        // Before, the client tried the server and its connection error named http://nova:s3cr3t@127.0.0.1:9/ (exit 6).
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(),
            "--api-server", "http://nova:s3cr3t@127.0.0.1:9", "--token", "t", "image", "list");

        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains("'http://***@127.0.0.1:9' has a user name or password", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_endpoint_the_error_says_how_to_give_one()
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), "image", "list");
        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains("--api-server", error);
    }

    [Fact]
    public async Task A_bad_api_version_in_the_environment_is_a_usage_error()
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["NOVAIMAGE_API_VERSION"] = "7" }, "versions");
        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains("NOVAIMAGE_API_VERSION", error);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_connection_failure_and_debug_adds_the_stack_trace()
    {
        using var files = new TempFiles();
        // No retries: the point is the exit code, not the retry policy.
        var config = files.Write("nova.conf", "[glance]\napi_servers = http://127.0.0.1:9\nnum_retries = 0\n");
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), "--config", config, "image", "list");
        var error = NovaImageCli.AssertFailed(result, 6);
        Assert.Contains("127.0.0.1:9", error);

        var debug = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), "--config", config, "image", "list", "--debug");
        Assert.Equal(6, debug.ExitCode);
        Assert.Contains("   at ", debug.StandardError);
    }

    [Fact]
    public async Task A_missing_config_file_is_a_usage_error_naming_it()
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>(), "--config", "/nonexistent/nova.conf", "versions");
        var error = NovaImageCli.AssertFailed(result, 2);
        Assert.Contains("/nonexistent/nova.conf", error);
    }
}
