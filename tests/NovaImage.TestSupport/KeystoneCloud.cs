using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NovaImage.TestSupport;

/// <summary>
/// The real OpenStack cloud the Keystone tests run against: Keystone, Barbican and a Glance behind Keystone with image
/// signature verification, started by scripts/cloud-dev.sh (scripts/test.sh exports its state dirs). Tests fail,
/// never skip, when it is missing. Everything is read from the state dirs the script (or the dev cloud built from
/// ../shared's recipes, which writes the same files) leaves:
/// <c>$NOVAIMAGE_KEYSTONE_STATE_DIR/credentials.json</c>, <c>$NOVAIMAGE_BARBICAN_STATE_DIR/barbican-info.json</c> and
/// <c>$NOVAIMAGE_CLOUD_GLANCE_STATE_DIR</c> (that Glance's config, stores and logs).
/// </summary>
public static class KeystoneCloud
{
    private const string KeystoneStateVariable = "NOVAIMAGE_KEYSTONE_STATE_DIR";
    private const string BarbicanStateVariable = "NOVAIMAGE_BARBICAN_STATE_DIR";
    private const string GlanceStateVariable = "NOVAIMAGE_CLOUD_GLANCE_STATE_DIR";
    private const string HowToStart = "start the cloud first (scripts/test.sh does it; or: eval \"$(scripts/cloud-dev.sh start)\")";

    private static readonly Lazy<StateFile> Credentials = new(() => StateFile.Read(KeystoneStateVariable, "credentials.json"));
    private static readonly Lazy<StateFile> BarbicanInfo = new(() => StateFile.Read(BarbicanStateVariable, "barbican-info.json"));

    // Keystone and Barbican run under uwsgi, which reads a chunked request body as empty: every body sent here is a
    // StringContent, so it carries Content-Length.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Keystone's identity v3 URL, e.g. http://127.0.0.1:35000/v3.</summary>
    public static Uri AuthUrl => new(Credentials.Value.Text("auth_url"));

    /// <summary>The region of the catalog's image and key-manager endpoints (RegionOne).</summary>
    public static string Region => Credentials.Value.Text("region");

    /// <summary>The Keystone-backed Glance: the public image endpoint of <see cref="Region"/>.</summary>
    public static Uri ImageUrl => new(Credentials.Value.Text("image_url"));

    /// <summary>
    /// The internal image endpoint of <see cref="Region"/>: the same Glance under another spelling
    /// (http://localhost:PORT where the public one is http://127.0.0.1:PORT), so a test can see which interface a client
    /// chose. Only clouds started by scripts/cloud-dev.sh have it.
    /// </summary>
    public static Uri ImageInternalUrl => new(Credentials.Value.Text("image_internal_url"));

    /// <summary>A second region with an image endpoint of its own (scripts/cloud-dev.sh only).</summary>
    public static string SecondRegion => Credentials.Value.Text("second_region");

    /// <summary>The image endpoint of <see cref="SecondRegion"/>: a different URL from <see cref="ImageUrl"/>.</summary>
    public static Uri SecondRegionImageUrl => new(Credentials.Value.Text("second_region_image_url"));

    /// <summary>Barbican's URL (as in the catalog's key-manager endpoints, without /v1).</summary>
    public static Uri BarbicanUrl => new(BarbicanInfo.Value.Text("barbican_url"));

    /// <summary>The admin user, scoped to project admin (roles admin, member, reader).</summary>
    public static KeystoneUser Admin => User("admin");

    /// <summary>A member of project demo.</summary>
    public static KeystoneUser Demo => User("demo");

    /// <summary>A member of project alt_demo (another tenant than <see cref="Demo"/>).</summary>
    public static KeystoneUser AltDemo => User("alt_demo");

    /// <summary>Keystone's state dir (credentials.json, clouds.yaml, logs).</summary>
    public static string KeystoneStateDir => RequireVariable(KeystoneStateVariable);

    /// <summary>Barbican's state dir (barbican-info.json, logs).</summary>
    public static string BarbicanStateDir => RequireVariable(BarbicanStateVariable);

    /// <summary>The Keystone-backed Glance's state dir (config, file stores, log/glance-api.log).</summary>
    public static string GlanceStateDir => RequireVariable(GlanceStateVariable);

    /// <summary>Issues a project-scoped token for <paramref name="user"/> (password auth) and returns it.</summary>
    public static async Task<string> IssueTokenAsync(KeystoneUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject
                    {
                        ["user"] = new JsonObject
                        {
                            ["name"] = user.Username,
                            ["domain"] = new JsonObject { ["name"] = user.UserDomainName },
                            ["password"] = user.Password,
                        },
                    },
                },
                ["scope"] = new JsonObject
                {
                    ["project"] = new JsonObject
                    {
                        ["name"] = user.ProjectName,
                        ["domain"] = new JsonObject { ["name"] = user.ProjectDomainName },
                    },
                },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Identity("auth/tokens")) { Content = Json(body) };
        using var response = await SendAsync(request, HttpStatusCode.Created, $"issuing a token for {user}", cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("X-Subject-Token", out var values) && values.FirstOrDefault() is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException($"Keystone {AuthUrl} issued a token for {user} without an X-Subject-Token header.");
    }

    /// <summary>Revokes <paramref name="token"/> (DELETE /v3/auth/tokens, authorized by the token itself).</summary>
    public static async Task RevokeTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        using var request = new HttpRequestMessage(HttpMethod.Delete, Identity("auth/tokens"));
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        using var response = await SendAsync(request, HttpStatusCode.NoContent, "revoking a token", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates an application credential for <paramref name="user"/> in its project, with a unique name; delete it
    /// with <see cref="DeleteApplicationCredentialAsync"/>.
    /// </summary>
    public static async Task<KeystoneApplicationCredential> CreateApplicationCredentialAsync(KeystoneUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await IssueTokenAsync(user, cancellationToken).ConfigureAwait(false);
        var name = $"novaimage-test-{Guid.NewGuid():N}";
        var body = new JsonObject { ["application_credential"] = new JsonObject { ["name"] = name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, Identity($"users/{user.UserId}/application_credentials")) { Content = Json(body) };
        request.Headers.Add("X-Auth-Token", token);
        using var response = await SendAsync(request, HttpStatusCode.Created, $"creating an application credential for {user}", cancellationToken).ConfigureAwait(false);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))?["application_credential"];
        return new KeystoneApplicationCredential(
            created?["id"]?.GetValue<string>() ?? throw new InvalidOperationException($"Keystone {AuthUrl} answered an application credential without an id."),
            name,
            created["secret"]?.GetValue<string>() ?? throw new InvalidOperationException($"Keystone {AuthUrl} answered an application credential without a secret."),
            user);
    }

    /// <summary>Deletes an application credential (its tokens stop working).</summary>
    public static async Task DeleteApplicationCredentialAsync(KeystoneApplicationCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var token = await IssueTokenAsync(credential.Owner, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Delete, Identity($"users/{credential.Owner.UserId}/application_credentials/{credential.Id}"));
        request.Headers.Add("X-Auth-Token", token);
        using var response = await SendAsync(request, HttpStatusCode.NoContent, $"deleting {credential}", cancellationToken).ConfigureAwait(false);
    }

    private static KeystoneUser User(string key)
    {
        var user = Credentials.Value.User(key);
        return new KeystoneUser(
            user.Text("username"),
            user.Text("password"),
            user.Text("user_id"),
            user.Text("project_name"),
            user.Text("project_id"),
            user.Text("user_domain_name"),
            user.Text("project_domain_name"));
    }

    private static Uri Identity(string path) => new($"{AuthUrl.AbsoluteUri.TrimEnd('/')}/{path}");

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == expected)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException(
                $"Keystone {AuthUrl} answered {(int)response.StatusCode} {response.StatusCode} (expected {(int)expected}) {what}: {body}");
        }
    }

    private static string RequireVariable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: {HowToStart}.");

    /// <summary>One JSON object of a state file (or a user entry in it) and where it came from, for error messages.</summary>
    private sealed record StateFile(string Path, JsonObject Json)
    {
        public static StateFile Read(string variable, string file)
        {
            var path = System.IO.Path.Combine(RequireVariable(variable), file);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} does not exist ({variable} names no running cloud's state dir): {HowToStart}.");
            }

            return new StateFile(path, JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidOperationException($"{path} is not a JSON object."));
        }

        public StateFile User(string key) => Json[key] is JsonObject user
            ? new StateFile($"{Path} (user {key})", user)
            : throw new InvalidOperationException($"{Path} has no user '{key}'.");

        public string Text(string key) =>
            Json[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
                ? text
                : throw new InvalidOperationException(
                    $"{Path} has no '{key}'; a cloud started by scripts/cloud-dev.sh has every field the tests read.");
    }
}
