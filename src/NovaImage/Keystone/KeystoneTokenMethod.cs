namespace NovaImage.Keystone;

/// <summary>The <c>token</c> method: an existing token, exchanged for one with the requested scope.</summary>
internal sealed record KeystoneTokenMethod(string Id)
{
    // Holds a secret: a record's generated ToString would print it.
    public override string ToString() => "KeystoneTokenMethod";
}
