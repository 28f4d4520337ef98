namespace NovaImage;

/// <summary>
/// Marks a Refit interface as the description of one Glance API major version. The NovaImage generator reads
/// NovaImage's own interfaces so marked (with the <see cref="ImageOperationAttribute"/> on their methods) to emit the
/// version-selecting <see cref="IImageApi"/> implementation; an interface so marked in a consumer's project adds
/// its routes to that project's generated clients, with the same retries, failover, token and typed errors.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GlanceApiVersionAttribute(int major) : Attribute
{
    /// <summary>The Glance API major version (1 or 2).</summary>
    public int Major { get; } = major;

    /// <summary>
    /// NovaImage's own interfaces only: the static class implementing each <see cref="IImageApi"/> member whose
    /// <see cref="ImageOperation"/> this interface has (same name, the client core first). A consumer's own
    /// <c>[GlanceApiVersion]</c> interface leaves it unset: its methods become extension calls of the generated client.
    /// </summary>
    public Type? Operations { get; set; }

    /// <summary>
    /// A consumer's own interfaces: the <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> that
    /// serializes the interface's own models (its return types and <c>[Body]</c> parameters), used together with
    /// NovaImage's context for the interface's major version. Leave it unset when the interface uses only NovaImage's
    /// models (for example <c>NovaImage.V2.GlanceUsage</c>).
    /// </summary>
    public Type? JsonContext { get; set; }
}
