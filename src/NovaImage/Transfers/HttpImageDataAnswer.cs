using System.Net;
using System.Net.Http.Headers;
using Refit;

namespace NovaImage.Transfers;

/// <summary>
/// The answer to one HTTP data request, whatever shape the Refit interface returns it in (v2: an
/// <see cref="IApiResponse{T}"/> of <see cref="Stream"/>; v1: an <see cref="HttpResponseMessage"/>), with the api
/// server it came from. Built by <see cref="HttpImageDataRequest"/> callbacks; owns (and disposes) the response.
/// </summary>
public sealed class HttpImageDataAnswer : IDisposable
{
    private readonly Func<CancellationToken, Task<Stream>> _body;
    private readonly Func<CancellationToken, Task<string?>> _errorBody;
    private readonly IDisposable _owner;

    private HttpImageDataAnswer(
        Uri server, HttpStatusCode status, HttpResponseHeaders? headers, HttpContentHeaders? contentHeaders,
        Func<CancellationToken, Task<Stream>> body, Func<CancellationToken, Task<string?>> errorBody, IDisposable owner)
    {
        Server = server;
        Status = status;
        Headers = headers;
        ContentHeaders = contentHeaders;
        _body = body;
        _errorBody = errorBody;
        _owner = owner;
    }

    /// <summary>The api server that answered.</summary>
    public Uri Server { get; }
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }
    /// <summary>The response headers, when the response had any.</summary>
    public HttpResponseHeaders? Headers { get; }
    /// <summary>The content headers, when the response has content.</summary>
    public HttpContentHeaders? ContentHeaders { get; }

    /// <summary>An answer from a plain response (v1's <c>GET /v1/images/{id}</c>), read with headers only.</summary>
    public static HttpImageDataAnswer FromResponse(Uri server, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(response);
        return new HttpImageDataAnswer(server, response.StatusCode, response.Headers, response.Content.Headers,
            response.Content.ReadAsStreamAsync, async ct => await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false), response);
    }

    /// <summary>An answer from a Refit stream response (v2's <c>GET /v2/images/{id}/file</c>).</summary>
    public static HttpImageDataAnswer FromApiResponse(Uri server, IApiResponse<Stream> response)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is not { } status)
        {
            // No HTTP answer at all (Refit reports transport failures in the response): a connection-level failure.
            response.Dispose();
            throw new HttpRequestException($"No response from {server}: {response.Error?.Message}", response.Error);
        }

        return new HttpImageDataAnswer(server, status, response.Headers, response.ContentHeaders,
            _ => Task.FromResult(response.Content ?? Stream.Null), _ => Task.FromResult((response.Error as ApiException)?.Content), response);
    }

    internal Task<Stream> ReadBodyAsync(CancellationToken cancellationToken) => _body(cancellationToken);

    internal Task<string?> ReadErrorBodyAsync(CancellationToken cancellationToken) => _errorBody(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _owner.Dispose();
}
