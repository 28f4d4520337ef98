namespace NovaImage.Core;

/// <summary>
/// Puts every response body of the client under its <see cref="ResponseBounds"/>: HttpClient's timeout stops at the
/// headers, so a body that stalls or trickles would otherwise keep a call (metadata or data) running for ever, and a
/// huge metadata answer would be read whole. Innermost in the chain, so every attempt of every call passes here.
/// </summary>
internal sealed class BoundedResponseHandler(ResponseBounds bounds) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.Content = new BoundedContent(response.Content, bounds, request.RequestUri);
        return response;
    }
}
