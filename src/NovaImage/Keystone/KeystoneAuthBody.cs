namespace NovaImage.Keystone;

/// <summary>The <c>auth</c> object: who (<paramref name="Identity"/>) and for which project (<paramref name="Scope"/>; null leaves the scope to Keystone).</summary>
internal sealed record KeystoneAuthBody(KeystoneIdentity Identity, KeystoneScope? Scope);
