using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NovaImage.Generators.Tests;

/// <summary>
/// Walks every value every pipeline step produced and proves none holds a symbol, syntax node, location or
/// compilation (which would pin memory and defeat caching).
/// </summary>
public sealed class ModelGraphTests
{
    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_location_or_compilation()
    {
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Consumer, """
            [NovaImage.GlanceApiVersion(2)]
            public interface IExtraV2
            {
                [NovaImage.ImageOperation(NovaImage.ImageOperation.Delete)]
                [Refit.Delete("/v2/images/{imageId}")]
                System.Threading.Tasks.Task Remove(string imageId, System.Threading.CancellationToken cancellationToken = default);
            }
            """));
        var result = driver.GetRunResult().Results.Single();

        var visited = 0;
        string[] ours = [.. typeof(ImageApiGenerator.Steps).GetFields().Select(f => (string)f.GetRawConstantValue()!)];
        Assert.Equal(ours.Order(), result.TrackedSteps.Keys.Where(ours.Contains).Order());
        foreach (var (step, runs) in result.TrackedSteps.Where(s => ours.Contains(s.Key)))
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                visited += Walk(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
        // The walk really reached the models (specs, versions, operations, parameters, adapters, diagnostics).
        Assert.True(visited > 200, $"only {visited} values visited");
    }

    [Fact]
    public void The_walk_would_catch_a_symbol()
    {
        var compilation = GeneratorHarness.Compile("class C { }");
        var offending = new { Name = "x", Symbol = (object)compilation.GetTypeByMetadataName("C")! };

        Assert.ThrowsAny<Exception>(() => Walk(offending, "test", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    private static int Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null) return 0;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or Location, $"{path} holds a {value.GetType().Name}");
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || value is Microsoft.CodeAnalysis.Text.TextSpan or Microsoft.CodeAnalysis.Text.LinePositionSpan) return 1;
        if (!type.IsValueType && !seen.Add(value)) return 0;
        var count = 1;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(value)!) return count;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) count += Walk(item, $"{path}[{i++}]", seen);
            return count;
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            count += Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
        return count;
    }
}
