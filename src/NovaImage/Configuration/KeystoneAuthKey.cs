namespace NovaImage;

/// <summary>
/// One keystoneauth credential option: its name as nova.conf's <c>[glance]</c>, a clouds.yaml <c>auth:</c> mapping and
/// (upper-cased, with <c>OS_</c> before it) the environment spell it, the <see cref="KeystoneAuthOptions"/> property
/// (appsettings' <c>Glance:Keystone</c> key) and how a value is stored.
/// </summary>
internal sealed record KeystoneAuthKey(string Name, string Property, Action<KeystoneAuthOptions, string> Set)
{
    /// <summary>The environment variable, e.g. <c>OS_AUTH_URL</c>.</summary>
    public string Variable => "OS_" + Name.ToUpperInvariant();
}
