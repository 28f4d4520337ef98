using System.Net;

namespace NovaImage;

/// <summary>
/// Base of every error NovaImage raises for a Glance call. Carries what a person needs to act on it:
/// the image, the server, the HTTP status, Glance's own message and the request id.
/// </summary>
public class GlanceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GlanceException(string message, GlanceErrorContext context, Exception? innerException = null)
        : base(Compose(message, context), innerException)
    {
        Context = context;
        Reason = message;
    }

    /// <summary>Where and on what the error happened.</summary>
    public GlanceErrorContext Context { get; }
    /// <summary>The image concerned, if any.</summary>
    public string? ImageId => Context.ImageId;
    /// <summary>The Glance endpoint that answered (or failed to).</summary>
    public Uri? Server => Context.Server;
    /// <summary>The HTTP status, when there was a response.</summary>
    public HttpStatusCode? StatusCode => Context.StatusCode;
    /// <summary>Glance's error message, when the response carried one.</summary>
    public string? GlanceMessage => Context.GlanceMessage;
    /// <summary>The <c>x-openstack-request-id</c> of the response, when present.</summary>
    public string? RequestId => Context.RequestId;

    /// <summary>The message without the context appended (to build a derived message without repeating the context).</summary>
    internal string Reason { get; }

    private static string Compose(string message, GlanceErrorContext c)
    {
        var parts = new List<string>(5);
        if (c.ImageId is not null) parts.Add($"image {c.ImageId}");
        if (c.Server is not null) parts.Add($"server {c.Server}");
        if (c.StatusCode is { } s) parts.Add($"HTTP {(int)s}");
        if (c.RequestId is not null) parts.Add($"request {c.RequestId}");
        var text = parts.Count == 0 ? message : $"{message} ({string.Join(", ", parts)})";
        return string.IsNullOrWhiteSpace(c.GlanceMessage) ? text : $"{text}: {c.GlanceMessage}";
    }
}

/// <summary>The facts attached to a <see cref="GlanceException"/>.</summary>
public sealed record GlanceErrorContext(
    string? ImageId = null,
    Uri? Server = null,
    HttpStatusCode? StatusCode = null,
    string? GlanceMessage = null,
    string? RequestId = null);
