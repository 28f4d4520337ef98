namespace NovaImage.Keystone;

/// <summary>The body of Keystone's answer to <c>POST</c> or <c>GET /v3/auth/tokens</c> (the token itself is in the <c>X-Subject-Token</c> header).</summary>
internal sealed record KeystoneTokenDocument(KeystoneTokenBody? Token);
