namespace NovaImage.TestSupport;

/// <summary>A user of the test cloud's Keystone with the project it works in (from credentials.json).</summary>
/// <param name="Username">The user's name.</param>
/// <param name="Password">The user's password.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="ProjectName">The name of the project its tokens are scoped to.</param>
/// <param name="ProjectId">The id of that project (the owner of the images it creates).</param>
/// <param name="UserDomainName">The user's domain name (Default).</param>
/// <param name="ProjectDomainName">The project's domain name (Default).</param>
public sealed record KeystoneUser(
    string Username,
    string Password,
    string UserId,
    string ProjectName,
    string ProjectId,
    string UserDomainName,
    string ProjectDomainName)
{
    /// <summary>Never prints the password (test output may end up in CI logs).</summary>
    public override string ToString() => $"{Username} (project {ProjectName} {ProjectId})";
}
