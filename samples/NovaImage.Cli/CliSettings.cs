namespace NovaImage.Cli;

/// <summary>The global settings of one invocation, after command line and environment are combined.</summary>
/// <param name="ApiServers">Endpoints from <c>--api-server</c> or <c>NOVAIMAGE_API_SERVERS</c>; empty means "from the config file".</param>
/// <param name="ApiVersion"><c>1</c>, <c>2</c>, <c>auto</c>, or null for the configured/default version.</param>
/// <param name="ConfigFile">nova.conf or appsettings.json, if given.</param>
/// <param name="Token">X-Auth-Token, if given.</param>
/// <param name="StallTimeout">From <c>--stall-timeout</c> or <c>NOVAIMAGE_STALL_TIMEOUT</c>; null means "as configured".</param>
/// <param name="TotalTimeout">From <c>--total-timeout</c> or <c>NOVAIMAGE_TOTAL_TIMEOUT</c>; null means "as configured".</param>
/// <param name="OpenStackEnvironment">
/// The <c>OS_*</c> variables (and <c>HOME</c>, for clouds.yaml) with the <c>--os-*</c> options in their place, as
/// <see cref="OpenStackCloudConfiguration.Apply"/> reads them.
/// </param>
/// <param name="Json">JSON output instead of tables.</param>
/// <param name="Debug">Stack traces and HTTP logs.</param>
internal sealed record CliSettings(
    IReadOnlyList<string> ApiServers, string? ApiVersion, string? ConfigFile, string? Token,
    TimeSpan? StallTimeout, TimeSpan? TotalTimeout, IReadOnlyDictionary<string, string?> OpenStackEnvironment, bool Json, bool Debug);
