namespace NovaImage.Core;

/// <summary>
/// A token provider that can replace a token Glance rejected (HTTP 401): <see cref="AuthTokenHandler"/> asks it once per
/// request and sends the request again with the new token.
/// </summary>
internal interface IRenewableTokenProvider : IGlanceTokenProvider
{
    /// <summary>A token to use instead of <paramref name="rejected"/> (shared: concurrent callers get the same new token).</summary>
    ValueTask<string?> RenewAsync(string rejected, CancellationToken cancellationToken);
}
