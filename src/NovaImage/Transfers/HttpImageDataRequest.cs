namespace NovaImage.Transfers;

/// <summary>
/// Sends the request of one attempt of an HTTP image download: picks the api server for <paramref name="attempt"/>
/// (the caller's server rotation decides), asks for the data from <paramref name="offset"/> (send
/// <see cref="HttpImageDataSource.RangeFrom"/> as the <c>Range</c> header when the API supports it), and returns
/// the answer with its headers read and its body not yet consumed.
/// </summary>
public delegate Task<HttpImageDataAnswer> HttpImageDataRequest(int attempt, long offset, CancellationToken cancellationToken);
