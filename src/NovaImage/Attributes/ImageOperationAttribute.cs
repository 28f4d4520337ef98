namespace NovaImage;

/// <summary>
/// Marks a Glance Refit method as the implementation of one <see cref="ImageOperation"/>, and each member of
/// <see cref="IImageApi"/> with the operation it performs (the generator pairs them).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ImageOperationAttribute(ImageOperation operation) : Attribute
{
    /// <summary>The operation of <see cref="IImageApi"/> this method implements.</summary>
    public ImageOperation Operation { get; } = operation;
}
