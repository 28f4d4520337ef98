using NovaImage;

namespace NovaImage.Consumer.Tests;

/// <summary>A consumer's own image client: NovaImage's generator implements it in this project, at compile time.</summary>
[GlanceImageApi]
public sealed partial class MyImages;
