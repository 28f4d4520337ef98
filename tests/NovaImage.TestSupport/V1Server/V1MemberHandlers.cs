using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NovaImage.TestSupport.V1Server;

/// <summary>The member routes of v1 (reference §10): <c>member_id</c> + <c>can_share</c>, sharing with no acceptance step.</summary>
internal sealed class V1MemberHandlers(V1ServerState state)
{
    public Task ListAsync(HttpContext context, V1Caller caller, string imageId)
    {
        lock (state.Gate)
        {
            var image = FindLive(imageId, caller);
            return V1ServerJson.WriteAsync(context.Response, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("members");
                foreach (var member in image.Members)
                {
                    w.WriteStartObject();
                    w.WriteString("member_id", member.MemberId);
                    w.WriteBoolean("can_share", member.CanShare);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
    }

    /// <summary><c>PUT .../members</c> with <c>{"memberships": [...]}</c>: the new whole list; listed members keep can_share unless given.</summary>
    public async Task ReplaceAsync(HttpContext context, V1Caller caller, string imageId)
    {
        var body = await ReadJsonAsync(context.Request);
        if (body is not { ValueKind: JsonValueKind.Object } || !body.Value.TryGetProperty("memberships", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new V1HttpError(400, "Invalid membership association specified: expected {\"memberships\": [...]}");
        var wanted = new List<(string MemberId, bool? CanShare)>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("member_id", out var id) || id.ValueKind != JsonValueKind.String)
                throw new V1HttpError(400, "Invalid membership association: every membership needs a member_id");
            wanted.Add((id.GetString()!, item.TryGetProperty("can_share", out var share) ? ReadBool(share) : null));
        }
        lock (state.Gate)
        {
            var image = FindShareable(imageId, caller);
            var distinct = wanted.GroupBy(w => w.MemberId).Select(g => g.Last()).ToList();
            if (distinct.Count > state.Options.ImageMemberQuota)
                throw new V1HttpError(413, $"Attempted: {distinct.Count}, Maximum: {state.Options.ImageMemberQuota}");
            var existing = image.Members.ToDictionary(m => m.MemberId);
            image.Members.Clear();
            foreach (var (memberId, canShare) in distinct)
                image.Members.Add(new V1ServerMember(memberId, canShare ?? (existing.TryGetValue(memberId, out var old) && old.CanShare)));
        }
        context.Response.StatusCode = 204;
    }

    /// <summary><c>PUT .../members/{member}</c>, optional body <c>{"member": {"can_share": bool}}</c>.</summary>
    public async Task AddAsync(HttpContext context, V1Caller caller, string imageId, string memberId)
    {
        bool? canShare = null;
        if (await ReadJsonAsync(context.Request) is { } body)
        {
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("member", out var member) || member.ValueKind != JsonValueKind.Object)
                throw new V1HttpError(400, "Invalid membership association specified: expected {\"member\": {\"can_share\": ...}}");
            if (member.TryGetProperty("can_share", out var share)) canShare = ReadBool(share);
        }
        lock (state.Gate)
        {
            var image = FindShareable(imageId, caller);
            if (image.Members.Find(m => m.MemberId == memberId) is { } existing)
            {
                if (canShare is { } value) existing.CanShare = value;
            }
            else
            {
                if (image.Members.Count >= state.Options.ImageMemberQuota)
                    throw new V1HttpError(413, $"Attempted: {image.Members.Count + 1}, Maximum: {state.Options.ImageMemberQuota}");
                image.Members.Add(new V1ServerMember(memberId, canShare ?? false));
            }
        }
        context.Response.StatusCode = 204;
    }

    public Task RemoveAsync(HttpContext context, V1Caller caller, string imageId, string memberId)
    {
        lock (state.Gate)
        {
            var image = FindShareable(imageId, caller);
            if (image.Members.RemoveAll(m => m.MemberId == memberId) == 0)
                throw new V1HttpError(404, $"{memberId} is not a member of image {imageId}");
        }
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary><c>/v1/shared-images/{member}</c>: a non-admin sees memberships on images they own or of their own project.</summary>
    public Task SharedImagesAsync(HttpContext context, V1Caller caller, string memberId)
    {
        lock (state.Gate)
        {
            var shared = state.Images.Values
                .Where(image => !image.Deleted)
                .SelectMany(image => image.Members.Where(m => m.MemberId == memberId).Select(m => (image, m)))
                .Where(p => caller.IsAdmin || p.image.Owner == caller.ProjectId || memberId == caller.ProjectId)
                .OrderBy(p => p.image.CreatedAt).ThenBy(p => p.image.Id, StringComparer.Ordinal)
                .ToList();
            return V1ServerJson.WriteAsync(context.Response, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("shared_images");
                foreach (var (image, member) in shared)
                {
                    w.WriteStartObject();
                    w.WriteString("image_id", image.Id);
                    w.WriteBoolean("can_share", member.CanShare);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
    }

    private V1ServerImage FindLive(string imageId, V1Caller caller)
    {
        var image = state.Find(imageId, caller);
        return image.Deleted ? throw new V1HttpError(404, $"Image with identifier {imageId} not found") : image;
    }

    /// <summary>Admin, owner, or a member with can_share may change members; others get 403.</summary>
    private V1ServerImage FindShareable(string imageId, V1Caller caller)
    {
        var image = FindLive(imageId, caller);
        if (caller.IsAdmin || image.Owner == caller.ProjectId || image.Members.Any(m => m.MemberId == caller.ProjectId && m.CanShare))
            return image;
        throw new V1HttpError(403, "No permission to share that image");
    }

    private static bool ReadBool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => V1MetaHeaders.ParseBool(value.GetString()),
        _ => throw new V1HttpError(400, "can_share must be a boolean"),
    };

    /// <summary>The request's JSON body, null when there is none; 400 when it is not JSON.</summary>
    private static async Task<JsonElement?> ReadJsonAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new V1HttpError(400, "Malformed JSON in request body.");
        }
    }
}
