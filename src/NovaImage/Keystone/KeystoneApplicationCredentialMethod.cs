namespace NovaImage.Keystone;

/// <summary>The <c>application_credential</c> method: the credential by id, or by name with its owner.</summary>
internal sealed record KeystoneApplicationCredentialMethod(string? Id, string? Name, string Secret, KeystoneUser? User)
{
    // Holds a secret: a record's generated ToString would print it.
    public override string ToString() => "KeystoneApplicationCredentialMethod";
}
