namespace NovaImage.Keystone;

/// <summary>A token Keystone issued: its value (secret), when it expires, when it is replaced, and its document (catalog, user, project).</summary>
internal sealed record KeystoneToken(string Value, DateTimeOffset ExpiresAt, DateTimeOffset RenewAt, KeystoneTokenBody Body)
{
    // The value is a secret: never in logs or messages, even by accident through a record's ToString.
    public override string ToString() => $"token expiring at {ExpiresAt:u}";
}
