namespace NovaImage;

/// <summary>
/// The built-in <see cref="IImageApi"/> client. Its implementation is generated at compile time from the Glance
/// Refit interfaces (<c>V2.IGlanceV2Api</c>, <c>V1.IGlanceV1Api</c>), like any consumer's <c>[GlanceImageApi]</c> class.
/// Register it with <c>services.AddGlanceImageApi(configuration)</c>.
/// </summary>
[GlanceImageApi]
public sealed partial class GlanceImageApi;
