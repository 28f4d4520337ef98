using Microsoft.CodeAnalysis;

namespace NovaImage.Generators;

/// <summary>The generator's diagnostics (IDs NIMG09xx are reserved for it; help pages in docs/diagnostics).</summary>
internal static class DiagnosticDescriptors
{
    public const string MissingV2OperationId = "NIMG0901";

    /// <summary>An <c>ImageOperation</c> that no <c>[GlanceApiVersion(2)]</c> interface implements.</summary>
    public static readonly DiagnosticDescriptor MissingV2Operation = new(
        MissingV2OperationId,
        "Image operation has no Glance v2 implementation",
        "The Glance image API '{0}' cannot be generated: no method of a [GlanceApiVersion(2)] interface carries [ImageOperation(ImageOperation.{1})]; add one (v2 is the default API version)",
        "NovaImage.Generator",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: "https://github.com/novaimage/novaimage/blob/main/docs/diagnostics/NIMG0901.md");

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        MissingV2OperationId => MissingV2Operation,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "Unknown NovaImage generator diagnostic."),
    };
}
