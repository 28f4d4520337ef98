namespace NovaImage.TestSupport;

/// <summary>An application credential created by <see cref="KeystoneCloud.CreateApplicationCredentialAsync"/>.</summary>
/// <param name="Id">Its id (what <c>application_credential_id</c> names).</param>
/// <param name="Name">Its name, unique per user.</param>
/// <param name="Secret">Its secret: Keystone shows it once, at creation.</param>
/// <param name="Owner">The user it belongs to; its tokens are scoped to that user's project.</param>
public sealed record KeystoneApplicationCredential(string Id, string Name, string Secret, KeystoneUser Owner)
{
    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"application credential {Name} ({Id}) of {Owner.Username}";
}
