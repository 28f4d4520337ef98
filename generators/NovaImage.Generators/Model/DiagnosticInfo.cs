using Microsoft.CodeAnalysis;
using NovaImage.Generators.Helpers;

namespace NovaImage.Generators.Model;

/// <summary>A diagnostic as values, reported from its own pipeline output (so #pragma and editorconfig apply).</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(), System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Cast<object?>(Arguments)));
}
