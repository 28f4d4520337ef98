using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NovaImage.Generators.Model;

namespace NovaImage.Generators;

/// <summary>
/// Emits the <c>IImageApi</c> implementation of every <c>[GlanceImageApi] partial class</c>: each member marked
/// <c>[ImageOperation]</c> dispatches on the API version in use to the operations class of NovaImage's Glance Refit
/// interface of that version (<c>[GlanceApiVersion(N, Operations = ...)]</c>) when that interface has the operation,
/// and the other members are answered by the client's core; plus the compilation's <c>[DirectStore]</c> adapters.
/// This file is the pipeline; parsing and emission live beside it. The generator reports nothing: the analyzer does,
/// so that <c>#pragma</c> and <c>.editorconfig</c> apply.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ImageApiGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps (the incremental tests read them).</summary>
    public static class Steps
    {
        /// <summary>The image API contract: <c>IImageApi</c>'s members, NovaImage's versions and built-in adapters.</summary>
        public const string Contract = nameof(Contract);
        /// <summary>Each <c>[DirectStore]</c> class of the compilation's own source.</summary>
        public const string SourceAdapters = nameof(SourceAdapters);
        /// <summary>Each <c>[GlanceImageApi]</c> class.</summary>
        public const string ApiTypes = nameof(ApiTypes);
        /// <summary>Each <c>[GlanceApiVersion]</c> interface of the compilation's own source (a consumer's extension interface).</summary>
        public const string ExtensionInterfaces = nameof(ExtensionInterfaces);
        /// <summary>The extension interfaces together, ordered: shared by every client of the compilation.</summary>
        public const string Extensions = nameof(Extensions);
        /// <summary>One spec per client: what the source output emits.</summary>
        public const string Clients = nameof(Clients);
    }

    internal const string GlanceApiVersionAttribute = "NovaImage.GlanceApiVersionAttribute";
    internal const string GlanceImageApiAttribute = "NovaImage.GlanceImageApiAttribute";
    internal const string DirectStoreAttribute = "NovaImage.DirectStoreAttribute";
    internal const string ImageOperationAttribute = "NovaImage.ImageOperationAttribute";
    internal const string ImageApiInterface = "NovaImage.IImageApi";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // IImageApi and NovaImage's interfaces are found by metadata name, in source (NovaImage itself) or in the
        // referenced NovaImage assembly: the compilation is projected to this small equatable value at once.
        var contract = context.CompilationProvider
            .Select(static (compilation, ct) => Parser.ParseContract(compilation, ct))
            .WithTrackingName(Steps.Contract);

        var sourceAdapters = context.SyntaxProvider
            .ForAttributeWithMetadataName(DirectStoreAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => Parser.ParseAdapters(ctx.TargetSymbol, ctx.Attributes))
            .WithTrackingName(Steps.SourceAdapters)
            .Collect();

        var apiTypes = context.SyntaxProvider
            .ForAttributeWithMetadataName(GlanceImageApiAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => Parser.ParseApiType(ctx.TargetSymbol))
            .WithTrackingName(Steps.ApiTypes);

        // A consumer's own [GlanceApiVersion] interfaces: their methods become extension calls of every client.
        var extensions = context.SyntaxProvider
            .ForAttributeWithMetadataName(GlanceApiVersionAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (ctx, ct) => Parser.ParseExtension(ctx.TargetSymbol, ctx.Attributes, ctx.SemanticModel.Compilation, ct))
            .WithTrackingName(Steps.ExtensionInterfaces)
            .Collect()
            .Select(static (interfaces, _) => Parser.OrderExtensions(interfaces))
            .WithTrackingName(Steps.Extensions);

        var clients = apiTypes.Combine(contract.Combine(sourceAdapters)).Combine(extensions)
            .Select(static (input, _) => new ClientSpec(input.Left.Left, Parser.WithSourceAdapters(input.Left.Right.Left, input.Left.Right.Right), input.Right))
            .WithTrackingName(Steps.Clients);

        context.RegisterSourceOutput(clients, static (spc, client) => spc.AddSource(Emitter.HintName(client), Emitter.Emit(client)));
    }
}
