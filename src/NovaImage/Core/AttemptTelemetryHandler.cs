using System.Diagnostics;

namespace NovaImage.Core;

/// <summary>
/// Puts what the core cannot see on the span of the attempt under way (<see cref="GlanceTelemetry.StartAttempt"/>):
/// the method, the URL (user info and query values redacted) and the status of the request the attempt sent, as
/// OpenTelemetry's HTTP client conventions name them, so they are there even when System.Net.Http's own spans are
/// not collected (or on .NET 8, whose HTTP spans carry no attributes). Headers, and so the token, are never read.
/// When an attempt sends several requests (an update reads the image, then patches it), the last one's are kept.
/// </summary>
internal sealed class AttemptTelemetryHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Activity.Current is { IsAllDataRequested: true } current && current.Source == GlanceTelemetry.Source
            && current.GetTagItem(GlanceTelemetry.Tags.Attempt) is not null ? current : null;
        if (attempt is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        attempt.SetTag(GlanceTelemetry.Tags.Method, request.Method.Method);
        attempt.SetTag(GlanceTelemetry.Tags.UrlFull, GlanceTelemetry.RedactedUrl(request.RequestUri!));
        attempt.SetTag(GlanceTelemetry.Tags.StatusCode, null);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        attempt.SetTag(GlanceTelemetry.Tags.StatusCode, (int)response.StatusCode);
        return response;
    }
}
