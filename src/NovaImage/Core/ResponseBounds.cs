namespace NovaImage.Core;

/// <summary>
/// The limits every response body is read under (from <see cref="GlanceOptions"/>): how long one read may wait for a
/// byte, the minimum rate over a window, and the size of a metadata answer.
/// </summary>
/// <param name="StallTimeout">How long one read may wait for data.</param>
/// <param name="MinTransferRate">Bytes per second a body must average over <paramref name="RateWindow"/> (0: no minimum).</param>
/// <param name="RateWindow">The window the rate is measured over.</param>
/// <param name="MaxResponseSize">The largest metadata answer, in bytes (image data is exempt).</param>
internal sealed record ResponseBounds(TimeSpan StallTimeout, long MinTransferRate, TimeSpan RateWindow, long MaxResponseSize)
{
    /// <summary>The bounds configured in <paramref name="options"/>.</summary>
    public static ResponseBounds From(GlanceOptions options) => new(
        options.StallTimeout ?? options.Timeout ?? GlanceOptions.DefaultStallTimeout,
        options.MinTransferRate, options.TransferRateWindow, options.MaxResponseSize);
}
