namespace NovaImage.Consumer.Tests;

/// <summary>This project's own generated client: its implementation, and its direct-store registry, come from the generator.</summary>
[GlanceImageApi]
public sealed partial class ConsumerImageApi;
