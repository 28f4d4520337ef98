using System.Collections.Concurrent;
using System.Diagnostics;

namespace NovaImage.Tests.Telemetry;

/// <summary>
/// Records the spans of one test: it starts a root span of its own, so everything the test's calls emit is in that
/// root's trace, and keeps only the spans of that trace (tests running in parallel emit into other traces).
/// NovaImage's spans and System.Net.Http's are sampled.
/// </summary>
internal sealed class TraceRecorder : IDisposable
{
    private const string TestSourceName = "NovaImage.Tests.Telemetry";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly Activity _root;

    public TraceRecorder()
    {
        _listener = new ActivityListener
        {
            // By name: comparing with TestSource here would create it while the listener is being added, unheard.
            ShouldListenTo = source => source.Name is TestSourceName or NovaImageTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == TraceId) _stopped.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _root = TestSource.StartActivity("telemetry test") ?? throw new InvalidOperationException("the test's root span was not sampled");
        TraceId = _root.TraceId;
    }

    /// <summary>The test's trace.</summary>
    public ActivityTraceId TraceId { get; }

    /// <summary>The test's spans that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped];

    /// <summary>NovaImage's spans of the test.</summary>
    public IReadOnlyList<Activity> NovaImageSpans => [.. _stopped.Where(a => a.Source.Name == NovaImageTelemetry.ActivitySourceName)];

    /// <summary>The spans whose parent is <paramref name="parent"/>.</summary>
    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => [.. _stopped.Where(a => a.ParentSpanId == parent.SpanId)];

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }
}
