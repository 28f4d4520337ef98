using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NovaImage.Generators.Helpers;
using NovaImage.Generators.Model;

namespace NovaImage.Generators;

/// <summary>
/// Emits the <c>IImageApi</c> implementation of every <c>[GlanceImageApi] partial class</c>: version dispatch over the
/// Glance Refit interfaces visible to the compilation (<c>[GlanceApiVersion(N)]</c>, methods marked
/// <c>[ImageOperation]</c>), retried calls through the runtime's transport, and the compilation's
/// <c>[DirectStore]</c> adapters. This file is the pipeline; parsing and emission live beside it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ImageApiGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps (the incremental tests read them).</summary>
    public static class Steps
    {
        /// <summary>Each <c>[GlanceApiVersion]</c> interface of the compilation's own source.</summary>
        public const string SourceVersions = nameof(SourceVersions);
        /// <summary>The Refit interfaces and adapters of a referenced NovaImage assembly (a consumer's view).</summary>
        public const string ReferencedFacts = nameof(ReferencedFacts);
        /// <summary>Each <c>[DirectStore]</c> class of the compilation's own source.</summary>
        public const string SourceAdapters = nameof(SourceAdapters);
        /// <summary>Each <c>[GlanceImageApi]</c> class.</summary>
        public const string ApiTypes = nameof(ApiTypes);
        /// <summary>Versions and adapters merged, shared by every client of the compilation.</summary>
        public const string Environment = nameof(Environment);
        /// <summary>One spec per client: what the source output emits.</summary>
        public const string Clients = nameof(Clients);
        /// <summary>The diagnostics of each client (a separate output, so #pragma works).</summary>
        public const string Diagnostics = nameof(Diagnostics);
    }

    internal const string GlanceApiVersionAttribute = "NovaImage.GlanceApiVersionAttribute";
    internal const string GlanceImageApiAttribute = "NovaImage.GlanceImageApiAttribute";
    internal const string DirectStoreAttribute = "NovaImage.DirectStoreAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var sourceVersions = context.SyntaxProvider
            .ForAttributeWithMetadataName(GlanceApiVersionAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (ctx, ct) => Parser.ParseVersion(ctx.TargetSymbol, ctx.Attributes, ct))
            .WithTrackingName(Steps.SourceVersions)
            .Where(static v => v is not null)
            .Select(static (v, _) => v!)
            .Collect();

        // A consumer sees the Refit interfaces in the referenced NovaImage assembly, which no syntax provider
        // reaches: project the compilation to this small equatable value once, before anything is combined.
        var referenced = context.CompilationProvider
            .Select(static (compilation, ct) => Parser.ParseReferencedFacts(compilation, ct))
            .WithTrackingName(Steps.ReferencedFacts);

        var sourceAdapters = context.SyntaxProvider
            .ForAttributeWithMetadataName(DirectStoreAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => Parser.ParseAdapters(ctx.TargetSymbol, ctx.Attributes))
            .WithTrackingName(Steps.SourceAdapters)
            .Collect();

        var environment = sourceVersions.Combine(sourceAdapters).Combine(referenced)
            .Select(static (input, _) => Parser.MergeEnvironment(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(Steps.Environment);

        var apiTypes = context.SyntaxProvider
            .ForAttributeWithMetadataName(GlanceImageApiAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => Parser.ParseApiType(ctx.TargetSymbol, ctx.TargetNode))
            .WithTrackingName(Steps.ApiTypes);

        var clients = apiTypes.Combine(environment)
            .Select(static (input, _) => new ClientSpec(input.Left, input.Right.Versions, input.Right.Adapters))
            .WithTrackingName(Steps.Clients);

        context.RegisterSourceOutput(clients, static (spc, client) => spc.AddSource(Emitter.HintName(client), Emitter.Emit(client)));

        var diagnostics = clients
            .Select(static (client, _) => Parser.Diagnose(client))
            .WithTrackingName(Steps.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (spc, infos) =>
        {
            foreach (var info in infos) spc.ReportDiagnostic(info.ToDiagnostic());
        });
    }
}
