using NovaImage;

namespace NovaImage.PackageConsumer;

/// <summary>The package's generator turns this declaration into a complete <see cref="IImageApi"/> client.</summary>
[GlanceImageApi]
public sealed partial class ConsumerImageApi;
