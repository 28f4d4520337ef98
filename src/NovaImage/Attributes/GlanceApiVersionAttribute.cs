namespace NovaImage;

/// <summary>
/// Marks a Refit interface as the description of one Glance API major version. The NovaImage generator
/// reads every interface so marked (together with the <see cref="ImageOperationAttribute"/> on its methods)
/// to emit the version-selecting <see cref="IImageApi"/> implementation.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GlanceApiVersionAttribute(int major) : Attribute
{
    /// <summary>The Glance API major version (1 or 2).</summary>
    public int Major { get; } = major;
}
