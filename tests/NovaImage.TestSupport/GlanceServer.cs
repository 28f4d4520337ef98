namespace NovaImage.TestSupport;

/// <summary>
/// The real Glance started by scripts/glance-dev.sh (scripts/test.sh exports its endpoint and state dir).
/// Integration tests fail, never skip, when it is missing.
/// </summary>
public static class GlanceServer
{
    /// <summary>Endpoint of the real Glance, e.g. http://127.0.0.1:9292.</summary>
    public static Uri Endpoint => new(Require("NOVAIMAGE_GLANCE_URL"));

    /// <summary>The script's state dir (config, file stores images/fs1 and images/fs2, logs).</summary>
    public static string StateDir => Require("NOVAIMAGE_GLANCE_STATE_DIR");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: start the real Glance first (scripts/test.sh does it; or: eval \"$(scripts/glance-dev.sh start)\").");
}
