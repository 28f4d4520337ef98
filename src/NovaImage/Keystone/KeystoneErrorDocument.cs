namespace NovaImage.Keystone;

/// <summary>Keystone's error body: <c>{"error": {"code", "title", "message"}}</c>.</summary>
internal sealed record KeystoneErrorDocument(KeystoneError? Error);
