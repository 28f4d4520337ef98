namespace NovaImage.TestSupport.Proxy;

/// <summary>
/// One request that went through a <see cref="FaultInjectingProxy"/>, as far as the proxy had answered it when read:
/// each field is updated before the client can observe what it describes.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path and query as the client sent them.</param>
/// <param name="Range">The request's <c>Range</c> header, if any.</param>
/// <param name="Status">Glance's status code; null while (or if) Glance has not answered.</param>
/// <param name="BodyBytesSent">Response body bytes relayed to the client (counted just before they are written).</param>
/// <param name="Cut">Whether the proxy injected its fault (cut or stall) mid-body.</param>
/// <param name="RequestBodyBytes">Request body bytes the proxy received itself before answering a fault status (see <see cref="ProxyFault.ReadBody"/>); 0 otherwise.</param>
public sealed record ProxiedRequest(string Method, string PathAndQuery, string? Range, int? Status, long BodyBytesSent, bool Cut, long RequestBodyBytes = 0);
