namespace NovaImage.Generators.Tests;

/// <summary>The generator's catalogue of <see cref="IImageApi"/> must match the interface it implements.</summary>
public sealed class OperationCatalogTests
{
    private static readonly string[] Fixed = ["GetApiVersionAsync", "GetVersionsAsync", "IsFeatureSupportedAsync", "UploadFileAsync"];

    [Fact]
    public void Every_IImageApi_member_is_generated_exactly_once()
    {
        var catalog = OperationCatalog.Members.Select(m => m.Name).Concat(Fixed).ToList();

        Assert.Equal(typeof(IImageApi).GetMethods().Select(m => m.Name).Order(), catalog.Order());
    }

    [Fact]
    public void Catalog_parameters_match_the_interface_and_every_operation_exists()
    {
        foreach (var member in OperationCatalog.Members)
        {
            var method = typeof(IImageApi).GetMethod(member.Name)!;
            Assert.Equal(method.GetParameters().Select(p => p.Name).SkipLast(1), member.Parameters.Select(p => p.Name));
            Assert.True(Enum.IsDefined(typeof(ImageOperation), member.Operation), member.Operation);
            foreach (var gate in member.Gates ?? []) Assert.True(Enum.IsDefined(typeof(GlanceFeature), gate.Feature), gate.Feature);
        }
    }
}
