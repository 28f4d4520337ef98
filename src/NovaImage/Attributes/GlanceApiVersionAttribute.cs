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
}
