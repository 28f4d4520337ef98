namespace NovaImage;

/// <summary>
/// The names NovaImage's traces and metrics are published under, for registering them with OpenTelemetry or any
/// listener without hard-coding strings: <c>tracing.AddSource(NovaImageTelemetry.ActivitySourceName)</c> and
/// <c>metrics.AddMeter(NovaImageTelemetry.MeterName)</c>. Every instrument and attribute is described in
/// docs/observability.md.
/// </summary>
public static class NovaImageTelemetry
{
    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> of NovaImage's spans: one per call (a listing
    /// page, a show, an upload, a whole download, ...) and one per attempt of that call on an endpoint.
    /// </summary>
    public const string ActivitySourceName = "NovaImage";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of NovaImage's instruments (calls, call
    /// duration, retries, failovers, image bytes, download verifications, active downloads). Under dependency
    /// injection the meter comes from the container's <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when one
    /// is registered, so its measurements are scoped to that container.
    /// </summary>
    public const string MeterName = "NovaImage";
}
