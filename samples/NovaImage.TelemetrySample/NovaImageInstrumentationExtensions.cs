using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NovaImage.TelemetrySample;

/// <summary>
/// Registers NovaImage's source and meter with OpenTelemetry, by the names the library publishes
/// (<see cref="NovaImageTelemetry"/>). These live here, not in the library, so that NovaImage itself does not depend
/// on OpenTelemetry (it emits through System.Diagnostics only); copy them into an application that wants them.
/// </summary>
public static class NovaImageInstrumentationExtensions
{
    /// <summary>Collects NovaImage's spans: one per call and one per attempt of it.</summary>
    public static TracerProviderBuilder AddNovaImageInstrumentation(this TracerProviderBuilder builder) =>
        builder.AddSource(NovaImageTelemetry.ActivitySourceName);

    /// <summary>Collects NovaImage's metrics (calls, durations, retries, failovers, image bytes, verifications, active downloads).</summary>
    public static MeterProviderBuilder AddNovaImageInstrumentation(this MeterProviderBuilder builder) =>
        builder.AddMeter(NovaImageTelemetry.MeterName);
}
