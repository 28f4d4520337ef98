namespace NovaImage.Keystone;

/// <summary>The body of <c>POST /v3/auth/tokens</c>.</summary>
internal sealed record KeystoneAuthRequest(KeystoneAuthBody Auth);
