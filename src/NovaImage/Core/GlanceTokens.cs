namespace NovaImage.Core;

/// <summary>What a token may contain: it travels as a header value, so only visible ASCII (no CR/LF, no spaces).</summary>
internal static class GlanceTokens
{
    /// <summary>Why <paramref name="token"/> cannot be sent, or null when it can.</summary>
    public static string? Problem(string token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c is < '!' or > '~')
                return $"the token has {(c is '\r' or '\n' ? "a line break" : c > '~' ? "a non-ASCII character" : "a space or control character")} at position {i + 1}; a token is visible ASCII only";
        }
        return null;
    }
}
