using System.Net;
using Refit;

namespace NovaImage.Core;

/// <summary>
/// The one rule for what is worth another attempt, for metadata calls and data streams alike. Nova retries
/// connection failures, timeouts and 503, never any other status (nova-glance-config.md §3); a data stream that
/// breaks, stalls or ends short is the same kind of failure.
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        // The client's own verdict (e.g. an upload body longer than promised), wrapped by HttpClient or Refit.
        _ when GlanceErrorTranslator.Inner(exception) is not null => false,
        // A certificate the client does not trust stays untrusted: retrying only repeats the refusal.
        _ when GlanceErrorTranslator.TlsFailure(exception) is not null => false,
        // Refit wraps what HttpClient threw before any response arrived.
        ApiRequestException { InnerException: { } inner } => IsTransient(inner, callerToken),
        // Refit wraps what failed while it read a body (a stall, a broken stream, an oversized answer) with the 2xx status.
        ApiException { InnerException: { } inner } => IsTransient(inner, callerToken),
        ApiException api => api.StatusCode == HttpStatusCode.ServiceUnavailable,
        HttpRequestException http => http.StatusCode is null or HttpStatusCode.ServiceUnavailable,
        // A response body that broke or ended short (reads of the destination never raise this: see ImageDownloader).
        IOException => true,
        TimeoutException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };
}
