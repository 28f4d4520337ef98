namespace NovaImage.Core;

/// <summary>The configured <see cref="GlanceOptions.Token"/>, the same for every request.</summary>
internal sealed class StaticTokenProvider(string? token) : IGlanceTokenProvider
{
    private readonly string? _token = string.IsNullOrEmpty(token) ? null : token;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => new(_token);
}
