using Microsoft.CodeAnalysis;

namespace NovaImage.Analyzers.Diagnostics;

/// <summary>The one catalogue of NovaImage analyzer rules. Help pages live in <c>docs/diagnostics/&lt;ID&gt;.md</c>.</summary>
internal static class DiagnosticDescriptors
{
    public const string HelpLinkBase = "https://github.com/novaimage/novaimage/blob/main/docs/diagnostics/";

    private const string Deprecation = "Deprecation";
    private const string Compatibility = "Compatibility";
    private const string Security = "Security";
    private const string Configuration = "Configuration";

    public static readonly DiagnosticDescriptor DeprecatedOptionInCode = Create(
        DiagnosticIds.DeprecatedOptionInCode,
        "Deprecated Glance option used in code",
        "'{0}' is the deprecated [glance] {1} option: use {2} instead",
        Deprecation,
        DiagnosticSeverity.Warning,
        "Nova deprecated the [glance] host, port and protocol options in Mitaka and removed them in Newton; api_servers (GlanceOptions.ApiServers) takes full endpoint URLs such as https://glance.example:9292.");

    public static readonly DiagnosticDescriptor DeprecatedOptionInConfigFile = Create(
        DiagnosticIds.DeprecatedOptionInConfigFile,
        "Deprecated Glance option in a configuration file",
        "'{0}' is a deprecated Glance option: use {1} instead",
        Deprecation,
        DiagnosticSeverity.Warning,
        "The [glance] host, port and protocol keys of nova.conf (Host, Port, Protocol in the Glance section of appsettings) are deprecated; one api_servers (ApiServers) entry per endpoint replaces them.");

    public static readonly DiagnosticDescriptor V1OnlyMember = Create(
        DiagnosticIds.V1OnlyMember,
        "Glance v1-only API used",
        "'{0}' is served only by Glance API v1, so use the Glance v2 form instead: {1}",
        Compatibility,
        DiagnosticSeverity.Warning,
        "Glance removed API v1 in Rocky. Members marked [V1Only] work only against a v1 server; each names its v2 replacement.");

    public static readonly DiagnosticDescriptor V1SelectedInCode = Create(
        DiagnosticIds.V1SelectedInCode,
        "Glance API v1 selected",
        "ApiVersion.V1 selects Glance API v1, which shares images without member acceptance and was removed from Glance in Rocky: use ApiVersion.V2 (the default)",
        Security,
        DiagnosticSeverity.Warning,
        "With v1, an image shared with a project is visible to it at once; v2 makes the member accept it first. Select v1 only for a deployment that still runs it.");

    public static readonly DiagnosticDescriptor V1SelectedInConfigFile = Create(
        DiagnosticIds.V1SelectedInConfigFile,
        "Glance API v1 selected in a configuration file",
        "'{0}' selects Glance API v1, which shares images without member acceptance and was removed from Glance in Rocky: select API version 2 (the default) instead",
        Security,
        DiagnosticSeverity.Warning,
        "With v1, an image shared with a project is visible to it at once; v2 makes the member accept it first. Select v1 only for a deployment that still runs it.");

    public static readonly DiagnosticDescriptor DirectSchemeWithoutAdapter = Create(
        DiagnosticIds.DirectSchemeWithoutAdapter,
        "Direct-download scheme allowed without an adapter",
        "Scheme '{0}' is allowed for direct download but no adapter handles it: add a class marked [DirectStore(\"{0}\")] that implements IDirectStoreAdapter, or remove the scheme",
        Configuration,
        DiagnosticSeverity.Warning,
        "A scheme listed in AllowedDirectUrlSchemes (allowed_direct_url_schemes) is only used when an adapter for it is registered: the runtime's file adapter or a [DirectStore] class in this project. Without one every download of such a location silently falls back to HTTP.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor DirectStoreAdapterWithoutInterface = Create(
        DiagnosticIds.DirectStoreAdapterWithoutInterface,
        "Direct-store adapter does not implement IDirectStoreAdapter",
        "'{0}' is marked [DirectStore(\"{1}\")] but does not implement NovaImage.DirectStore.IDirectStoreAdapter: implement the interface",
        Configuration,
        DiagnosticSeverity.Error,
        "The generated client registers every [DirectStore] class as an IDirectStoreAdapter; a class that does not implement it cannot be registered.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", customTags);
}
