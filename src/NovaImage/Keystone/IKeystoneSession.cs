namespace NovaImage.Keystone;

/// <summary>
/// A client's authenticated Keystone v3 session (<see cref="GlanceOptions.Keystone"/>), for every part of the client that
/// talks to an OpenStack service: Glance's token provider and endpoint discovery use it, and so can a part that needs
/// another service of the same cloud with the same identity (Barbican, service type <c>key-manager</c>, for image
/// signatures). One token at a time, shared by all callers: fetched on first use, renewed before it expires, and
/// renewed once when a service rejects it (<see cref="RenewTokenAsync"/>); concurrent callers share one Keystone request.
/// Errors are typed: credentials Keystone refuses (wrong password, revoked token) give
/// <see cref="ImageNotAuthorizedException"/>, Keystone unreachable gives <see cref="GlanceConnectionFailedException"/>, a
/// service missing from the catalog gives <see cref="GlanceConfigurationException"/>; each names the Keystone URL and the
/// user and project, never a secret.
/// </summary>
internal interface IKeystoneSession
{
    /// <summary>The Keystone identity endpoint (…/v3), for messages.</summary>
    Uri AuthUrl { get; }

    /// <summary>A valid token (the cached one, or a new one when it is missing or about to expire).</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A service rejected <paramref name="rejected"/> (HTTP 401): returns a new token. When another caller has already
    /// replaced it, that newer token is returned without asking Keystone again.
    /// </summary>
    ValueTask<string> RenewTokenAsync(string rejected, CancellationToken cancellationToken);

    /// <summary>
    /// The endpoints of <paramref name="serviceType"/> in the token's catalog: those of the first interface of
    /// <paramref name="interfaces"/> (e.g. internal, then public) that has any in <paramref name="region"/> (null: any
    /// region). URLs are as the catalog gives them (a version suffix such as <c>/v2</c> is kept; strip it where the routes
    /// carry their own). Throws <see cref="GlanceConfigurationException"/>, listing what the catalog has, when there is none.
    /// </summary>
    ValueTask<IReadOnlyList<Uri>> GetEndpointsAsync(string serviceType, IReadOnlyList<string> interfaces, string? region, CancellationToken cancellationToken);
}
