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
    private const string Usage = "Usage";

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

    public static readonly DiagnosticDescriptor ImageOperationOnExtensionInterface = Create(
        DiagnosticIds.ImageOperationOnExtensionInterface,
        "IImageApi operation marker on a consumer's Glance interface",
        "{0} has no effect on '{1}', a consumer's [GlanceApiVersion] interface: remove it; its methods become extension calls of the generated clients",
        Usage,
        DiagnosticSeverity.Warning,
        "The IImageApi operations of a generated client come from NovaImage's own Glance interfaces; a consumer's [GlanceApiVersion] interface never replaces them. [ImageOperation] on its methods and Operations = on its attribute are ignored.");

    public static readonly DiagnosticDescriptor ExtensionCallNotExposed = Create(
        DiagnosticIds.ExtensionCallNotExposed,
        "Glance interface method cannot become an extension call",
        "'{0}' cannot become an extension call of the generated clients, so fix it or remove it: {1}",
        Usage,
        DiagnosticSeverity.Error,
        "Each method of a consumer's [GlanceApiVersion(1 or 2)] interface becomes a member of the project's generated clients with the same name, sent through the client's core. It must return Task or Task<T>, take a CancellationToken last, not be generic, and not take the name of an IImageApi member; the interface must be accessible to the clients.");

    public static readonly DiagnosticDescriptor ExtensionTypeNotSerializable = Create(
        DiagnosticIds.ExtensionTypeNotSerializable,
        "Glance interface type not serializable by its JSON contexts",
        "'{0}' in '{1}' is not serializable by the JSON contexts in play ({2}): add [JsonSerializable(typeof({0}))] to a JsonSerializerContext and name it with JsonContext = typeof(...)",
        Usage,
        DiagnosticSeverity.Error,
        "Extension calls serialize through System.Text.Json source generation only: NovaImage's context for the interface's major version and the one named by [GlanceApiVersion(JsonContext = ...)]. A return or [Body] type that neither lists would fail at run time. Stream, string, HttpResponseMessage, IApiResponse and plain Task need no serializer.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", customTags);
}
