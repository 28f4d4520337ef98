namespace NovaImage.Core;

/// <summary>What a call of the core is doing: named in logs and in the errors it raises.</summary>
/// <param name="Name">The operation (an <see cref="ImageOperation"/> name, or an extension method's name).</param>
/// <param name="ImageId">The image concerned, when there is one.</param>
internal sealed record GlanceCall(string Name, string? ImageId = null)
{
    public GlanceCall(ImageOperation operation, string? imageId = null)
        : this(operation.ToString(), imageId)
    {
    }

    /// <summary>The store the call writes to (an upload's <see cref="UploadOptions.Store"/>), for traces.</summary>
    public string? Store { get; init; }
}
