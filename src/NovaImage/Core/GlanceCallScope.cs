using System.Diagnostics;

namespace NovaImage.Core;

/// <summary>
/// One call being recorded (<see cref="GlanceTelemetry.StartCall"/>): its span, when a listener wants it, and its start
/// time. It ends with <see cref="Ended"/> (the call's outcome, counted once) and <see cref="Dispose"/> (the span stops,
/// and the flow is no longer inside a call).
/// </summary>
internal sealed class GlanceCallScope : IDisposable
{
    private readonly GlanceTelemetry _telemetry;
    private readonly GlanceCall _call;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _attempts;
    private bool _ended;

    internal GlanceCallScope(GlanceTelemetry telemetry, GlanceCall call, Activity? activity)
    {
        _telemetry = telemetry;
        _call = call;
        Activity = activity;
    }

    /// <summary>The call's span (null when nobody listens).</summary>
    public Activity? Activity { get; }

    /// <summary>An attempt of the call (or of a call inside it) goes to <paramref name="attempt"/>'s endpoint.</summary>
    public void Attempting(GlanceAttempt attempt)
    {
        // A parallel download's ranges make attempts of one call at once.
        var attempts = Interlocked.Increment(ref _attempts);
        if (Activity is not { IsAllDataRequested: true } activity) return;
        activity.SetTag(GlanceTelemetry.Tags.ServerAddress, attempt.Server.Host);
        activity.SetTag(GlanceTelemetry.Tags.ServerPort, attempt.Server.Port);
        activity.SetTag(GlanceTelemetry.Tags.Attempts, attempts);
    }

    /// <summary>
    /// The call ended, with <paramref name="failure"/> when it failed (the exception its caller sees): counted, timed,
    /// and on the span as its status, <c>error.type</c> and an exception event. Returns false, so that it can run in
    /// an exception filter without catching anything.
    /// </summary>
    public bool Ended(Exception? failure = null)
    {
        if (_ended) return false;
        _ended = true;
        _telemetry.CallEnded(_call, Stopwatch.GetElapsedTime(_started), failure);
        if (failure is not null && Activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(GlanceTelemetry.Tags.ErrorType, failure.GetType().FullName);
            if (failure is GlanceException { StatusCode: { } status }) activity.SetTag(GlanceTelemetry.Tags.StatusCode, (int)status);
            activity.SetStatus(ActivityStatusCode.Error, failure.Message);
            activity.AddException(failure);
        }
        return false;
    }

    /// <summary>Stops the span and leaves the call.</summary>
    public void Dispose()
    {
        Activity?.Dispose();
        GlanceTelemetry.Leave(this);
    }
}
