namespace NovaImage.Core;

/// <summary>
/// A metadata answer grew past <see cref="GlanceOptions.MaxResponseSize"/> (raised while it is read; the client core
/// turns it into a <see cref="GlanceServerException"/> naming the call and the server). Not transient: another server
/// of the same deployment would answer the same.
/// </summary>
internal sealed class ResponseTooLargeException(Uri? server, long limit)
    : Exception($"{server?.GetLeftPart(UriPartial.Authority) ?? "Glance"} sent an answer larger than {limit} bytes (max_response_size)")
{
    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long Limit { get; } = limit;
}
