using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace NovaImage.TestSupport.V1Server;

/// <summary>
/// Request pipeline of the v1 server: header-line limit, version negotiation (§1: <c>/v1</c>, <c>/v1.0</c>,
/// <c>/v1.1</c> or the v1 Accept media type; <c>GET /versions</c> 200; anything else 300), the dev-token identity,
/// the v1 routes (§2) with 405 + <c>Allow</c> for other methods, and §11 error bodies.
/// </summary>
internal sealed class V1Router(V1ServerState state, V1ServerFaults faults, V1ImageHandlers images, V1MemberHandlers members)
{
    private int requestCount;

    public int RequestCount => Volatile.Read(ref requestCount);

    public ConcurrentQueue<string> Requests { get; } = new();

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requestCount);
        var request = context.Request;
        Requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        context.Response.Headers["X-Openstack-Request-Id"] = $"req-{Guid.NewGuid()}";
        try
        {
            if (faults.TakeFailure() is { } status) throw new V1HttpError(status, "Injected failure (V1ServerFaults.FailNext).");
            CheckHeaderLines(request);
            var path = request.Path.Value ?? "/";
            if (path.TrimEnd('/') == "/versions")
            {
                await WriteVersionsAsync(context, 200);
                return;
            }
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            string[] rest;
            if (segments.Length > 0 && segments[0] is "v1" or "v1.0" or "v1.1") rest = segments[1..];
            else if (request.Headers.Accept.ToString().Contains("application/vnd.openstack.images-v1", StringComparison.OrdinalIgnoreCase)) rest = segments;
            else
            {
                await WriteVersionsAsync(context, 300);
                return;
            }
            var caller = V1Caller.FromToken(request.Headers["X-Auth-Token"].ToString())
                ?? throw new V1HttpError(401, "Authentication required: send X-Auth-Token: PROJECT:USER[:ROLES]");
            await DispatchAsync(context, caller, rest);
        }
        catch (V1HttpError error) when (!context.Response.HasStarted)
        {
            context.Response.Headers.Remove("ETag");
            await V1ErrorResponse.WriteAsync(context, error);
        }
    }

    private Task DispatchAsync(HttpContext context, V1Caller caller, string[] r)
    {
        var method = context.Request.Method.ToUpperInvariant();
        V1HttpError NotAllowed(string allow) => new(405, $"The method {method} is not allowed for this resource.", allow);
        return r switch
        {
            [] => method == "GET" ? images.ListAsync(context, caller, detail: false) : throw NotAllowed("GET"),
            ["images"] => method switch
            {
                "GET" => images.ListAsync(context, caller, detail: false),
                "POST" => images.CreateAsync(context, caller),
                _ => throw NotAllowed("GET, POST"),
            },
            ["images", "detail"] => method == "GET" ? images.ListAsync(context, caller, detail: true) : throw NotAllowed("GET"),
            ["images", var id] => method switch
            {
                "GET" => images.DownloadAsync(context, caller, id),
                "HEAD" => images.HeadAsync(context, caller, id),
                "PUT" => images.UpdateAsync(context, caller, id),
                "DELETE" => images.DeleteAsync(context, caller, id),
                _ => throw NotAllowed("GET, HEAD, PUT, DELETE"),
            },
            ["images", var id, "members"] => method switch
            {
                "GET" => members.ListAsync(context, caller, id),
                "PUT" => members.ReplaceAsync(context, caller, id),
                _ => throw NotAllowed("GET, PUT"),
            },
            ["images", var id, "members", var member] => method switch
            {
                "PUT" => members.AddAsync(context, caller, id, member),
                "DELETE" => members.RemoveAsync(context, caller, id, member),
                _ => throw NotAllowed("PUT, DELETE"), // GET of one member is not implemented in v1
            },
            ["shared-images", var member] => members.SharedImagesAsync(context, caller, member), // no method condition
            _ => throw new V1HttpError(404, "The resource could not be found."),
        };
    }

    /// <summary>eventlet refuses header lines over <c>max_header_line</c> before the application sees them.</summary>
    private void CheckHeaderLines(HttpRequest request)
    {
        foreach (var (name, values) in request.Headers)
            foreach (var value in values)
                if (name.Length + 2 + (value?.Length ?? 0) + 2 > state.Options.MaxHeaderLine)
                    throw new V1HttpError(400, $"Line too long: header {name} exceeds max_header_line ({state.Options.MaxHeaderLine})");
    }

    private Task WriteVersionsAsync(HttpContext context, int status)
    {
        var request = context.Request;
        var root = $"{request.Scheme}://{request.Host}";
        return V1ServerJson.WriteAsync(context.Response, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("versions");
            foreach (var version in state.Options.Versions)
            {
                w.WriteStartObject();
                w.WriteString("id", version.Id);
                w.WriteString("status", version.Status);
                w.WriteStartArray("links");
                w.WriteStartObject();
                w.WriteString("rel", "self");
                w.WriteString("href", version.Href ?? $"{root}/v{version.Major}/");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
