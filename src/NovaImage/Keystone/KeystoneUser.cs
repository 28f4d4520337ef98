namespace NovaImage.Keystone;

/// <summary>A user by id, or by name and domain; <paramref name="Password"/> only in the password method.</summary>
internal sealed record KeystoneUser(string? Id, string? Name, KeystoneReference? Domain, string? Password = null)
{
    // Holds a secret: a record's generated ToString would print it.
    public override string ToString() => "KeystoneUser";
}
