namespace NovaImage.Keystone;

/// <summary>The <c>error</c> object of a Keystone error body.</summary>
internal sealed record KeystoneError(int Code, string? Title, string? Message);
