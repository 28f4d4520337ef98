using Microsoft.CodeAnalysis;

namespace NovaImage.Generators.Tests;

/// <summary>
/// A consumer's own <c>[GlanceApiVersion]</c> interfaces: each method the rules allow becomes a member of every
/// generated client, sent through the client's core; the others are skipped without a diagnostic (the analyzer
/// reports them), and the output always compiles.
/// </summary>
public sealed class ExtensionCallOutputTests
{
    private const string Usings = """
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading;
        using System.Threading.Tasks;
        using NovaImage;
        using Refit;

        """;

    private static (string Text, Compilation Output, IReadOnlyList<Diagnostic> Diagnostics) Generate(params string[] sources)
    {
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compile(sources));
        return (driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString(), output, diagnostics);
    }

    private static IMethodSymbol Member(Compilation output, string name) =>
        output.GetTypeByMetadataName("Consumer.Images.MyImages")!.GetMembers(name).OfType<IMethodSymbol>().Single();

    [Fact]
    public void A_consumer_interface_method_becomes_a_client_member_sent_through_the_core()
    {
        var (text, output, diagnostics) = Generate(GeneratorHarness.Consumer);

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Contains("""
                    public global::System.Threading.Tasks.Task<global::NovaImage.V2.GlanceUsage> GetUsageAsync(global::System.Threading.CancellationToken cancellationToken = default) =>
                        _core.SendAsync<global::Consumer.Images.IGlanceUsageApi, global::NovaImage.V2.GlanceUsage>("GetUsageAsync", 2, null,
                            static (__http, __settings) => global::Refit.RestService.ForGenerated<global::Consumer.Images.IGlanceUsageApi>(__http, __settings),
                            (__api, __cancellationToken) => __api.GetUsageAsync(__cancellationToken),
                            cancellationToken);
            """.Replace("\r\n", "\n"), text);
        var member = Member(output, "GetUsageAsync");
        Assert.Equal(Accessibility.Public, member.DeclaredAccessibility);
        Assert.True(member.Parameters.Single().IsOptional);
    }

    [Fact]
    public void The_named_JSON_context_parameters_defaults_and_the_interfaces_accessibility_carry_over()
    {
        var (text, output, diagnostics) = Generate(GeneratorHarness.Consumer, Usings + """
            namespace Consumer.Tasks;

            public sealed class ImageTask { public string Id { get; set; } = ""; }

            // Written by hand: the harness does not run System.Text.Json's generator.
            [JsonSerializable(typeof(ImageTask))]
            internal sealed partial class TasksContext : JsonSerializerContext
            {
                public TasksContext() : base(null) { }
                public static TasksContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(System.Type type) => null;
            }

            [GlanceApiVersion(2, JsonContext = typeof(TasksContext))]
            internal interface IImageTasksApi
            {
                [Get("/v2/images/{imageId}/tasks")]
                Task<ImageTask[]> GetImageTasksAsync(string imageId, int? limit = 20, string? status = null, CancellationToken cancellationToken = default);

                [Delete("/v2/tasks/{taskId}")]
                Task ForgetTaskAsync(string taskId, CancellationToken ct);
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Contains("internal global::System.Threading.Tasks.Task<global::Consumer.Tasks.ImageTask[]> GetImageTasksAsync(string imageId, int? limit = 20, string? status = default, global::System.Threading.CancellationToken cancellationToken = default) =>", text);
        Assert.Contains("_core.SendAsync<global::Consumer.Tasks.IImageTasksApi, global::Consumer.Tasks.ImageTask[]>(\"GetImageTasksAsync\", 2, global::Consumer.Tasks.TasksContext.Default,", text);
        Assert.Contains("(__api, __cancellationToken) => __api.GetImageTasksAsync(imageId, limit, status, __cancellationToken),", text);
        // A plain Task: the SendAsync overload without a result.
        Assert.Contains("internal global::System.Threading.Tasks.Task ForgetTaskAsync(string taskId, global::System.Threading.CancellationToken ct = default) =>", text);
        Assert.Contains("_core.SendAsync<global::Consumer.Tasks.IImageTasksApi>(\"ForgetTaskAsync\", 2, global::Consumer.Tasks.TasksContext.Default,", text);
        Assert.Equal(Accessibility.Internal, Member(output, "ForgetTaskAsync").DeclaredAccessibility);
    }

    [Fact]
    public void Methods_the_rules_refuse_are_skipped_silently_and_the_rest_still_compiles()
    {
        var (text, output, diagnostics) = Generate(GeneratorHarness.Consumer, Usings + """
            namespace Consumer.Bad;

            [GlanceApiVersion(2)]
            public interface IMixedApi
            {
                [Get("/v2/info/usage")] NovaImage.V2.GlanceUsage Blocking(CancellationToken cancellationToken);
                [Get("/v2/info/usage")] Task<NovaImage.V2.GlanceUsage> NoTokenAsync();
                [Get("/v2/info/usage")] Task<T> GenericAsync<T>(CancellationToken cancellationToken);
                [Get("/v2/images/{imageId}")] Task<NovaImage.V2.GlanceUsage> GetImageAsync(string imageId, CancellationToken cancellationToken);
                [ImageOperation(ImageOperation.Show)]
                [Get("/v2/info/usage")] Task<NovaImage.V2.GlanceUsage> MarkedAsync(CancellationToken cancellationToken);
            }

            [GlanceApiVersion(3)]
            public interface IV3Api { [Get("/v3")] Task<NovaImage.V2.GlanceUsage> V3Async(CancellationToken cancellationToken); }
            """);

        Assert.Empty(diagnostics); // the analyzer reports them (NIMG0902, NIMG0903), so #pragma and .editorconfig apply
        Assert.Empty(GeneratorHarness.Errors(output));
        foreach (var skipped in new[] { "Blocking", "NoTokenAsync", "GenericAsync", "V3Async" })
            Assert.DoesNotContain(skipped, text);
        Assert.DoesNotContain("IMixedApi, global::NovaImage.V2.GlanceUsage>(\"GetImageAsync\"", text); // IImageApi's member stays IImageApi's
        // [ImageOperation] on a consumer's method changes nothing: it is an extension call like the others (NIMG0902 says so).
        Assert.Contains("_core.SendAsync<global::Consumer.Bad.IMixedApi, global::NovaImage.V2.GlanceUsage>(\"MarkedAsync\", 2, null,", text);
    }

    [Fact]
    public void Every_client_of_the_compilation_gets_the_extension_calls()
    {
        var (driver, output, _) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Consumer,
            "namespace Consumer.Other; [NovaImage.GlanceImageApi] internal partial class MoreImages { }"));

        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Contains("GetUsageAsync(global::System.Threading.CancellationToken cancellationToken = default) =>", GeneratorHarness.Generated(driver, "Consumer.Other.MoreImages.g.cs"));
        Assert.Contains("GetUsageAsync(global::System.Threading.CancellationToken cancellationToken = default) =>", GeneratorHarness.Generated(driver, "Consumer.Images.MyImages.g.cs"));
    }
}
