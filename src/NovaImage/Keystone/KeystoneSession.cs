using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NovaImage.Core;

namespace NovaImage.Keystone;

/// <summary>
/// A Keystone v3 session (see <see cref="IKeystoneSession"/>): one token at a time, asked for on first use, renewed
/// <see cref="RenewalMargin"/> before it expires (by the client's <see cref="TimeProvider"/>) and when a service rejects it,
/// one Keystone request shared by every caller waiting for it. Keystone is reached with the client's TLS settings and
/// response bounds, over a handler that follows no redirects; it is asked once per token (keystoneauth retries no
/// connection by default either): a failure is reported to every caller waiting, and the next call asks again.
/// </summary>
internal sealed class KeystoneSession : IKeystoneSession, IRenewableTokenProvider, IDisposable
{
    /// <summary>How long before its expiry a token is replaced (keystoneauth's 120 s), at most half its lifetime.</summary>
    internal static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(120);

    private readonly KeystoneCredentials _credentials;
    private readonly Uri _tokens;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private Task<KeystoneToken>? _token;

    /// <summary>A session for <paramref name="auth"/>, over the TLS settings and response bounds of <paramref name="transport"/>.</summary>
    /// <param name="auth">Who authenticates, and where.</param>
    /// <param name="transport">The client's options: TLS (<c>cafile</c>, <c>insecure</c>, client certificate), timeout and response bounds.</param>
    /// <param name="loggerFactory">Receives the session's logs.</param>
    /// <param name="time">The clock tokens' expiry is compared with.</param>
    /// <exception cref="GlanceConfigurationException">No usable auth_url, or the credentials lack something their method needs.</exception>
    public KeystoneSession(KeystoneAuthOptions auth, GlanceOptions transport, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _credentials = KeystoneCredentials.From(auth);
        AuthUrl = IdentityEndpoint(auth.AuthUrl);
        _tokens = new Uri(AuthUrl.AbsoluteUri.TrimEnd('/') + "/auth/tokens");
        _http = new HttpClient(new BoundedResponseHandler(ResponseBounds.From(transport)) { InnerHandler = TlsHandlerFactory.Create(transport) });
        if (transport.Timeout is { } timeout) _http.Timeout = timeout;
        _time = time;
        _logger = loggerFactory.CreateLogger<KeystoneSession>();
    }

    /// <inheritdoc/>
    public Uri AuthUrl { get; }

    /// <summary>Who the session authenticates as, for messages (no secret).</summary>
    internal string Identity => _credentials.Description;

    /// <inheritdoc/>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc/>
    public async ValueTask<string> RenewTokenAsync(string rejected, CancellationToken cancellationToken)
    {
        var task = Volatile.Read(ref _token);
        if (task is { IsCompletedSuccessfully: true } && task.Result.Value != rejected) return await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (task is { IsCompleted: false }) return (await task.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        return (await Replace(task, "the previous one was rejected").WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Uri>> GetEndpointsAsync(string serviceType, IReadOnlyList<string> interfaces, string? region, CancellationToken cancellationToken)
    {
        var token = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var urls = KeystoneCatalog.Select(token.Body.Catalog, serviceType, interfaces, region);
        if (urls.Count == 0)
        {
            throw new GlanceConfigurationException(
                $"Keystone at {AuthUrl} lists no '{serviceType}' endpoint with interface {string.Join(" or ", interfaces)}" +
                $"{(string.IsNullOrWhiteSpace(region) ? "" : $" in region {region}")} for {_credentials.Description}; " +
                $"{KeystoneCatalog.Describe(token.Body.Catalog, serviceType)} (set [glance] region_name, valid_interfaces or endpoint_override, or api_servers)",
                new GlanceErrorContext(Server: AuthUrl));
        }
        return urls.Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new GlanceConfigurationException($"Keystone at {AuthUrl} lists '{url}' as a '{serviceType}' endpoint, which is not an http(s) URL",
                new GlanceErrorContext(Server: AuthUrl))).ToList();
    }

    ValueTask<string?> IGlanceTokenProvider.GetTokenAsync(CancellationToken cancellationToken) => Nullable(GetTokenAsync(cancellationToken));

    ValueTask<string?> IRenewableTokenProvider.RenewAsync(string rejected, CancellationToken cancellationToken) => Nullable(RenewTokenAsync(rejected, cancellationToken));

    /// <summary>Releases the session's connections.</summary>
    public void Dispose() => _http.Dispose();

    private async ValueTask<KeystoneToken> CurrentAsync(CancellationToken cancellationToken)
    {
        var task = Volatile.Read(ref _token);
        if (task is { IsCompletedSuccessfully: true } && _time.GetUtcNow() < task.Result.RenewAt) return task.Result;
        // One request for everyone waiting; each waits with its own cancellation, which does not cancel the others' request.
        if (task is { IsCompleted: false }) return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var reason = task is null ? "first use" : task.IsCompletedSuccessfully ? "the previous one expires soon" : "the previous request failed";
        return await Replace(task, reason).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a new token request unless another caller already replaced <paramref name="expected"/>.</summary>
    private Task<KeystoneToken> Replace(Task<KeystoneToken>? expected, string reason)
    {
        lock (_gate)
        {
            if (_token == expected) _token = RequestTokenAsync(reason);
            return _token!;
        }
    }

    private async Task<KeystoneToken> RequestTokenAsync(string reason)
    {
        try
        {
            var token = await SendAsync().ConfigureAwait(false);
            KeystoneLog.TokenIssued(_logger, AuthUrl, _credentials.Description, token.ExpiresAt, reason);
            return token;
        }
        catch (GlanceException ex)
        {
            KeystoneLog.TokenFailed(_logger, AuthUrl, _credentials.Description, ex.Message);
            throw;
        }
    }

    private async Task<KeystoneToken> SendAsync()
    {
        using var request = _credentials.CreateRequest(_tokens);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or TimeoutException)
        {
            throw Unreachable(ex);
        }
        using (response)
        {
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                var target = response.Headers.Location is { } location && Uri.TryCreate(_tokens, location, out var absolute) ? GlanceOrigin.Of(absolute) : "an unusable location";
                throw new GlanceServerException(
                    $"Keystone at {AuthUrl} redirected the token request for {_credentials.Description} to {target}; redirects are not followed (credentials go only to auth_url): if Keystone moved, set auth_url to it",
                    Context(response));
            }
            if (!response.IsSuccessStatusCode) throw await RefusedAsync(response).ConfigureAwait(false);
            var value = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
            KeystoneTokenDocument? document;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(CancellationToken.None).ConfigureAwait(false);
                document = await JsonSerializer.DeserializeAsync(stream, KeystoneJsonContext.Default.KeystoneTokenDocument, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonException or ResponseTooLargeException)
            {
                throw new GlanceServerException($"Keystone at {AuthUrl} answered the token request for {_credentials.Description} with a document that could not be read ({ex.Message})", Context(response), ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or TimeoutException)
            {
                throw Unreachable(ex);
            }
            if (string.IsNullOrEmpty(value) || document?.Token is not { } body)
                throw new GlanceServerException($"Keystone at {AuthUrl} answered the token request for {_credentials.Description} without a token", Context(response));
            if (GlanceTokens.Problem(value) is { } problem)
                throw new GlanceServerException($"Keystone at {AuthUrl} issued a token that cannot be sent: {problem}", Context(response));
            var lifetime = body.ExpiresAt - (body.IssuedAt ?? _time.GetUtcNow());
            var margin = lifetime / 2 < RenewalMargin ? lifetime / 2 : RenewalMargin;
            return new KeystoneToken(value, body.ExpiresAt, body.ExpiresAt - margin, body);
        }
    }

    private async Task<GlanceException> RefusedAsync(HttpResponseMessage response)
    {
        string? text = null;
        try
        {
            text = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or TimeoutException or ResponseTooLargeException)
        {
            // The status says enough; an unreadable error body is not worth hiding it for.
        }
        var message = KeystoneMessage(text);
        var context = Context(response) with { GlanceMessage = message };
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new ImageNotAuthorizedException(
                $"Keystone at {AuthUrl} refused to authenticate {_credentials.Description} with {Method()}" +
                (_credentials.Method == KeystoneAuthMethod.Token ? " (is the token expired or revoked?)" : ""),
                context),
            HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => new GlanceConnectionFailedException(
                $"Keystone at {AuthUrl} is unavailable; no token for {_credentials.Description}", context),
            >= HttpStatusCode.InternalServerError => new GlanceServerException($"Keystone at {AuthUrl} failed to issue a token to {_credentials.Description}", context),
            _ => new GlanceConfigurationException($"Keystone at {AuthUrl} rejected the token request for {_credentials.Description} as invalid; check the [glance] auth options", context),
        };
    }

    private string Method() => _credentials.Method switch
    {
        KeystoneAuthMethod.Password => "a password",
        KeystoneAuthMethod.ApplicationCredential => "an application credential secret",
        _ => "an existing token",
    };

    private GlanceConnectionFailedException Unreachable(Exception cause) => new(
        $"Keystone at {AuthUrl} could not be reached; no token for {_credentials.Description}",
        new GlanceErrorContext(Server: AuthUrl, GlanceMessage: GlanceErrorTranslator.TlsFailure(cause) is { } tls
            ? $"TLS failed ({tls.Message}); set cafile to the CA that signed Keystone's certificate"
            : GlanceErrorTranslator.Cause(cause)),
        cause);

    private GlanceErrorContext Context(HttpResponseMessage response) => new(
        Server: AuthUrl,
        StatusCode: response.StatusCode,
        RequestId: response.Headers.TryGetValues("x-openstack-request-id", out var ids) ? ids.FirstOrDefault() : null);

    // Keystone's {"error": {"message": ...}}; never echoes a secret back.
    private static string? KeystoneMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            return JsonSerializer.Deserialize(body, KeystoneJsonContext.Default.KeystoneErrorDocument)?.Error?.Message;
        }
        catch (JsonException)
        {
            return GlanceErrorTranslator.ExtractMessage(body);
        }
    }

    /// <summary>
    /// The identity endpoint of <c>auth_url</c>: as given when it ends in <c>/v3</c>, else with <c>/v3</c> appended (an
    /// unversioned Keystone root, as clouds.yaml often has it).
    /// </summary>
    private static Uri IdentityEndpoint(string? authUrl)
    {
        if (string.IsNullOrWhiteSpace(authUrl)
            || !Uri.TryCreate(authUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new GlanceConfigurationException("[glance] auth_url must be the http(s) URL of Keystone's identity endpoint, e.g. https://keystone.example:5000/v3");
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/v2.0", StringComparison.Ordinal))
            throw new GlanceConfigurationException($"[glance] auth_url {GlanceOrigin.Of(uri)}{path} is Keystone's v2.0 API, which is gone; use its /v3 endpoint");
        if (!path.EndsWith("/v3", StringComparison.Ordinal)) path += "/v3";
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + path);
    }

    private static async ValueTask<string?> Nullable(ValueTask<string> token) => await token.ConfigureAwait(false);
}
