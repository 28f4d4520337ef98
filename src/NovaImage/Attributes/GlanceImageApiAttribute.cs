namespace NovaImage;

/// <summary>
/// Put on a <c>partial class</c> in any project that references NovaImage: the generator makes that class a
/// complete <see cref="IImageApi"/> client (version selection, v1/v2 translation, retries, error mapping and
/// the <see cref="DirectStoreAttribute"/> adapters of that project), with no reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GlanceImageApiAttribute : Attribute;
