namespace NovaImage.Analyzers.Diagnostics;

/// <summary>
/// Every NovaImage analyzer rule id, grouped by theme: 01xx deprecated options in code, 02xx deprecated options in
/// configuration files, 03xx Glance v1, 04xx direct store, 09xx the generated clients (a consumer's own
/// <c>[GlanceApiVersion]</c> interfaces; NIMG0901 is retired).
/// </summary>
internal static class DiagnosticIds
{
    public const string DeprecatedOptionInCode = "NIMG0101";
    public const string DeprecatedOptionInConfigFile = "NIMG0201";
    public const string V1OnlyMember = "NIMG0301";
    public const string V1SelectedInCode = "NIMG0302";
    public const string V1SelectedInConfigFile = "NIMG0303";
    public const string DirectSchemeWithoutAdapter = "NIMG0401";
    public const string DirectStoreAdapterWithoutInterface = "NIMG0402";
    public const string ImageOperationOnExtensionInterface = "NIMG0902";
    public const string ExtensionCallNotExposed = "NIMG0903";
    public const string ExtensionTypeNotSerializable = "NIMG0904";
}
