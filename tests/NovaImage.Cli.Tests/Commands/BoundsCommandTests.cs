using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport.Fakes;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>The CLI's time bounds, against a fake Glance that stalls (a stall is detected by the short configured timeout, not the clock).</summary>
public sealed class BoundsCommandTests
{
    [Fact]
    public async Task Image_show_against_a_server_that_stalls_ends_with_a_connection_failure_naming_the_stall()
    {
        var stall = FakeGlanceBody.StallAfter("""{"id":"a","name":"never-finished"}""", 5);
        await using var stalling = await FakeGlance.StartAsync((context, _) => stall.WriteAsync(context));

        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["NOVAIMAGE_API_SERVERS"] = stalling.Endpoint.AbsoluteUri },
            "--stall-timeout", "0.2", "image", "show", "a");

        var error = NovaImageCli.AssertFailed(result, 6);
        Assert.Contains("stall_timeout", error);
        Assert.Contains(stalling.Endpoint.Authority, error);
    }

    [Theory]
    [InlineData("NOVAIMAGE_TOTAL_TIMEOUT", "soon")]
    [InlineData("NOVAIMAGE_STALL_TIMEOUT", "-1")]
    public async Task A_bad_timeout_in_the_environment_is_a_usage_error_naming_the_variable(string variable, string value)
    {
        var result = await NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["NOVAIMAGE_API_SERVERS"] = "http://127.0.0.1:9", [variable] = value },
            "image", "show", "a");

        Assert.Contains(variable, NovaImageCli.AssertFailed(result, 2));
    }
}
