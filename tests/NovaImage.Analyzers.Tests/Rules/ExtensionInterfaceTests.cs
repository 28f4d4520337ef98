using Microsoft.CodeAnalysis.Testing;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.Analyzers.Rules;
using NovaImage.Analyzers.Tests.Infrastructure;

namespace NovaImage.Analyzers.Tests.Rules;

/// <summary>
/// A consumer's own <c>[GlanceApiVersion]</c> interfaces: NIMG0902 (IImageApi markers there), NIMG0903 (a method the
/// generator cannot expose) and NIMG0904 (a type no JSON context in play serializes).
/// </summary>
public sealed class ExtensionInterfaceTests
{
    private const string Usings = """
        using System.IO;
        using System.Net.Http;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading;
        using System.Threading.Tasks;
        using NovaImage;
        using NovaImage.V2;
        using Refit;

        """;

    // A JsonSerializerContext written by hand (the tests do not run System.Text.Json's generator): the analyzer reads
    // only its [JsonSerializable] attributes.
    private const string ThingContext = """

        public sealed class Thing { public string Name { get; set; } = ""; public Part[] Parts { get; set; } = []; }
        public sealed class Part { public int Size { get; set; } }
        public sealed class Other { }
        [JsonSerializable(typeof(Thing))]
        public sealed partial class ThingContext : JsonSerializerContext
        {
            public ThingContext() : base(null) { }
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(System.Type type) => null;
        }
        """;

    private static DiagnosticResult Marker(int location, string what, string type) =>
        Verify<ExtensionInterfaceAnalyzer>.Diagnostic(DiagnosticIds.ImageOperationOnExtensionInterface).WithLocation(location).WithArguments(what, type);

    private static DiagnosticResult NotExposed(int location, string name, string why) =>
        Verify<ExtensionInterfaceAnalyzer>.Diagnostic(DiagnosticIds.ExtensionCallNotExposed).WithLocation(location).WithArguments(name, why);

    private static DiagnosticResult NotSerializable(int location, string type, string method, string contexts) =>
        Verify<ExtensionInterfaceAnalyzer>.Diagnostic(DiagnosticIds.ExtensionTypeNotSerializable).WithLocation(location).WithArguments(type, method, contexts);

    [Fact]
    public async Task Calls_the_generator_can_expose_are_not_reported()
    {
        var source = Usings + """
            [GlanceApiVersion(2)]
            public interface IGlanceUsageApi
            {
                [Get("/v2/info/usage")] Task<GlanceUsage> GetUsageAsync(CancellationToken cancellationToken);
                [Get("/v2/images/{imageId}/file")] Task<Stream> ReadAsync(string imageId, CancellationToken cancellationToken = default);
                [Get("/v2/schemas/image")] Task<string> SchemaAsync(CancellationToken cancellationToken);
                [Get("/v2/schemas/images")] Task<HttpResponseMessage> RawAsync(CancellationToken cancellationToken);
                [Get("/v2/info/usage")] Task<IApiResponse<GlanceUsage>> UsageResponseAsync(CancellationToken cancellationToken);
                [Delete("/v2/cache")] Task ClearCacheAsync(CancellationToken cancellationToken);
            }

            [GlanceApiVersion(2, JsonContext = typeof(ThingContext))]
            internal interface IThingApi
            {
                [Get("/v2/things")] Task<Thing> GetThingAsync(CancellationToken cancellationToken);
                [Get("/v2/parts")] Task<Part[]> GetPartsAsync(CancellationToken cancellationToken);
                [Post("/v2/things")] Task PutThingAsync([Body] Thing thing, CancellationToken cancellationToken);
            }
            """ + ThingContext;
        await Verify<ExtensionInterfaceAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Image_operation_markers_on_a_consumer_interface_are_reported_as_ignored()
    {
        var source = Usings + """
            [{|#0:GlanceApiVersion(2, Operations = typeof(string))|}]
            public interface IMyV2Api
            {
                [{|#1:ImageOperation(ImageOperation.Show)|}]
                [Get("/v2/images/{imageId}")] Task<GlanceUsage> ShowAsync(string imageId, CancellationToken cancellationToken);
            }
            """;
        await Verify<ExtensionInterfaceAnalyzer>.AnalyzerAsync(
            source,
            Marker(0, "Operations = typeof(string)", "IMyV2Api"),
            Marker(1, "[ImageOperation] on 'ShowAsync'", "IMyV2Api"));
    }

    [Fact]
    public async Task Methods_the_generator_cannot_expose_are_errors_that_say_what_to_change()
    {
        var source = Usings + """
            [GlanceApiVersion(2)]
            public interface IBadApi
            {
                [Get("/v2/info/usage")] GlanceUsage {|#0:Usage|}(CancellationToken cancellationToken);
                [Get("/v2/info/usage")] Task<GlanceUsage> {|#1:NoTokenAsync|}();
                [Get("/v2/info/usage")] Task<GlanceUsage> {|#2:TokenFirstAsync|}(CancellationToken cancellationToken, string name);
                [Get("/v2/info/usage")] Task<T> {|#3:GenericAsync|}<T>(CancellationToken cancellationToken);
                [Get("/v2/images/{imageId}")] Task<GlanceUsage> {|#4:GetImageAsync|}(string imageId, CancellationToken cancellationToken);
                [Get("/v2/info/usage")] Task<GlanceUsage> {|#5:Create|}(CancellationToken cancellationToken);
            }

            [GlanceApiVersion(3)]
            public interface {|#6:IV3Api|} { [Get("/v3")] Task<GlanceUsage> V3Async(CancellationToken cancellationToken); }

            public class Outer
            {
                [GlanceApiVersion(2)]
                private interface {|#7:IHiddenApi|} { [Get("/v2/info/usage")] Task<GlanceUsage> HiddenAsync(CancellationToken cancellationToken); }
            }

            [GlanceApiVersion(2, JsonContext = typeof(string))]
            public interface {|#8:IWrongContextApi|} { [Get("/v2/info/usage")] Task<GlanceUsage> WrongAsync(CancellationToken cancellationToken); }
            """;
        await Verify<ExtensionInterfaceAnalyzer>.AnalyzerAsync(
            source,
            NotExposed(0, "Usage", "return Task or Task<T>"),
            NotExposed(1, "NoTokenAsync", "add a CancellationToken as the last parameter"),
            NotExposed(2, "TokenFirstAsync", "add a CancellationToken as the last parameter"),
            NotExposed(3, "GenericAsync", "remove the method's type parameters"),
            NotExposed(4, "GetImageAsync", "rename it: the generated client already has a member named GetImageAsync"),
            NotExposed(5, "Create", "rename it: the generated client already has a member named Create"),
            NotExposed(6, "IV3Api", "use Glance API major version 1 or 2 (not 3)"),
            NotExposed(7, "IHiddenApi", "make the interface (and the types containing it) public or internal, so the generated clients can call it"),
            NotExposed(8, "IWrongContextApi", "set JsonContext to a System.Text.Json JsonSerializerContext (a partial class with [JsonSerializable] attributes)"));
    }

    [Fact]
    public async Task Types_no_context_in_play_serializes_are_errors_naming_the_contexts()
    {
        var source = Usings + """
            [GlanceApiVersion(2)]
            public interface INoContextApi
            {
                [Get("/v2/things")] Task<Thing> {|#0:GetThingAsync|}(CancellationToken cancellationToken);
                [Get("/v2/things/count")] Task<int> CountAsync(CancellationToken cancellationToken); // int is in NovaImage's context
            }

            [GlanceApiVersion(2, JsonContext = typeof(ThingContext))]
            public interface IThingApi
            {
                [Post("/v2/others")] Task PostAsync([Body] Other {|#2:other|}, CancellationToken cancellationToken);
                [Get("/v2/others")] Task<IApiResponse<Other>> {|#3:GetOtherAsync|}(CancellationToken cancellationToken);
            }

            [GlanceApiVersion(1)]
            public interface IV1UsageApi
            {
                [Get("/v2/info/usage")] Task<GlanceUsage> {|#4:UsageThroughV1Async|}(CancellationToken cancellationToken);
            }
            """ + ThingContext;
        await Verify<ExtensionInterfaceAnalyzer>.AnalyzerAsync(
            source,
            NotSerializable(0, "Thing", "GetThingAsync", "GlanceV2JsonContext"),
            NotSerializable(2, "Other", "PostAsync", "GlanceV2JsonContext, ThingContext"),
            NotSerializable(3, "Other", "GetOtherAsync", "GlanceV2JsonContext, ThingContext"),
            NotSerializable(4, "NovaImage.V2.GlanceUsage", "UsageThroughV1Async", "GlanceV1JsonContext"));
    }

    private static string MarkedMethod(string name, string marker = "ImageOperation(ImageOperation.Show)") => $$"""
        [GlanceApiVersion(2)]
        public interface {{name}}
        {
            [{{marker}}]
            [Get("/v2/info/usage")] Task<GlanceUsage> UsageAsync(CancellationToken cancellationToken);
        }

        """;

    [Fact]
    public async Task Pragma_suppresses_NIMG0902_inside_its_region_only()
    {
        var source = Usings
            + "#pragma warning disable NIMG0902\n" + MarkedMethod("IQuietApi") + "#pragma warning restore NIMG0902\n"
            + MarkedMethod("ILoudApi", "{|#0:ImageOperation(ImageOperation.Show)|}");
        var test = Verify<ExtensionInterfaceAnalyzer>.Analyzer(source, Marker(0, "[ImageOperation] on 'UsageAsync'", "ILoudApi"));
        // The library's own check wraps the file in one more #pragma, which the restore above would undo.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task An_editorconfig_severity_line_turns_NIMG0902_off_where_it_applies()
    {
        var test = new Verify<ExtensionInterfaceAnalyzer>.AnalyzerTest();
        test.TestState.Sources.Add(("/0/Quiet.cs", Usings + MarkedMethod("IQuietApi")));
        test.TestState.Sources.Add(("/0/Loud.cs", Usings + MarkedMethod("ILoudApi", "{|#0:ImageOperation(ImageOperation.Show)|}")));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[Quiet.cs]\ndotnet_diagnostic.NIMG0902.severity = none\n"));
        test.ExpectedDiagnostics.Add(Marker(0, "[ImageOperation] on 'UsageAsync'", "ILoudApi"));
        await test.RunAsync();
    }
}
