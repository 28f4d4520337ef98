namespace NovaImage.Core;

/// <summary>One attempt of a call: the endpoint it goes to and an <see cref="HttpClient"/> pointed at it.</summary>
/// <param name="Call">The call.</param>
/// <param name="Server">The endpoint of this attempt.</param>
/// <param name="Number">1 for the first attempt, then 2, 3, ...</param>
/// <param name="Http">A client whose base address is <paramref name="Server"/> (token, TLS and timeout applied).</param>
internal sealed record GlanceAttempt(GlanceCall Call, Uri Server, int Number, HttpClient Http)
{
    /// <summary>The Refit client of a Glance version over this attempt's endpoint.</summary>
    public TApi Api<TApi>() where TApi : class => GlanceApiFactory.Create<TApi>(Http);
}
