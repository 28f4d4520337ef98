using System.Reflection;
using Refit;

namespace NovaImage.V2;

/// <summary>
/// Refit's URL formatting with Glance's spelling of booleans: <c>true</c>/<c>false</c> (Glance answers 400 to
/// <c>True</c>, which invariant formatting would give).
/// </summary>
internal sealed class GlanceUrlParameterFormatter : DefaultUrlParameterFormatter
{
    public override string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) =>
        value is bool flag ? (flag ? "true" : "false") : base.Format(value, attributeProvider, type);
}
