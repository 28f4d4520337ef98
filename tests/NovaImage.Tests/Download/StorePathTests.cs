using NovaImage.DirectStore;

namespace NovaImage.Tests.Download;

/// <summary>
/// The file adapter's refusals for locations a real Glance never produces (forged or corrupted records): these are
/// exactly what a server cannot be made to show, so they are checked on crafted locations.
/// </summary>
public sealed class StorePathTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("novaimage-storepath-").FullName;

    [Theory]
    [InlineData("file:///glance/images/abc", true, "/glance/images/abc")]
    [InlineData("file://localhost/glance/images/abc", true, "/glance/images/abc")]
    [InlineData("FILE:///glance/images/abc", true, "/glance/images/abc")]
    [InlineData("file://evil.example/glance/images/abc", false, "names host")]
    [InlineData("file:///glance/images/%2e%2e/secret", false, "percent escape")]
    [InlineData("file:///glance/images/abc?x=1", false, "percent escape")]
    [InlineData("file:///glance/images/a\\..\\b", false, "percent escape")]
    [InlineData("filesystem:///glance/images/abc", true, "/glance/images/abc")] // Nova's file module serves both schemes
    [InlineData("http://glance/images/abc", false, "not a file:// or filesystem:// URL")]
    public void FileUrlPathsAreReadLiterallyAndAmbiguousOnesRefused(string url, bool ok, string expected)
    {
        var accepted = StorePath.TryGetFileUrlPath(url, out var path, out var refusal);

        Assert.Equal(ok, accepted);
        Assert.Contains(expected, ok ? path : refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/glance/images/abc", "/glance/images", true)]
    [InlineData("/glance/images/abc", "/glance/images/", true)]
    [InlineData("/glance/images2/abc", "/glance/images", false)] // Nova's plain prefix test would accept this
    [InlineData("/glance/images/../etc/passwd", "/glance/images", false)]
    [InlineData("/glance/images/./abc", "/glance/images", false)]
    [InlineData("/glance/images//abc", "/glance/images", false)]
    [InlineData("/glance/images/", "/glance/images", false)]
    [InlineData("/glance/images/abc", "glance/images", false)]
    public void TheRemappedPartMustLieStrictlyBelowGlancesMountpoint(string urlPath, string mountpoint, bool ok)
    {
        Assert.Equal(ok, StorePath.TryGetRelative(urlPath, mountpoint, out _, out _));
    }

    [Fact]
    public void SymlinksAreFollowedAndMayNotLeaveTheMountpoint()
    {
        var store = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName;
        var outside = Path.Combine(_root, "secret");
        File.WriteAllText(outside, "secret");
        File.WriteAllText(Path.Combine(store, "good"), "image");
        Directory.CreateDirectory(Path.Combine(store, "sub"));
        File.CreateSymbolicLink(Path.Combine(store, "sub", "inside-link"), "../good");
        File.CreateSymbolicLink(Path.Combine(store, "escape"), outside);
        File.CreateSymbolicLink(Path.Combine(store, "escape-dir"), _root);
        var mount = Path.Combine(_root, "mount");
        File.CreateSymbolicLink(mount, store);

        Assert.True(StorePath.TryResolveInside(mount, "good", out var good, out _));
        Assert.Equal(Path.Combine(store, "good"), good);
        Assert.True(StorePath.TryResolveInside(mount, "sub/inside-link", out var linked, out _));
        Assert.Equal(Path.Combine(store, "good"), linked);

        Assert.False(StorePath.TryResolveInside(mount, "escape", out _, out var refusal));
        Assert.Contains("outside the mountpoint", refusal, StringComparison.Ordinal);
        Assert.False(StorePath.TryResolveInside(mount, "escape-dir/secret", out _, out refusal));
        Assert.Contains("outside the mountpoint", refusal, StringComparison.Ordinal);
        Assert.False(StorePath.TryResolveInside(mount, "missing", out _, out refusal));
        Assert.Contains("does not exist", refusal, StringComparison.Ordinal);
        Assert.False(StorePath.TryResolveInside(mount, "sub", out _, out refusal));
        Assert.Contains("not a regular file", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void ASymlinkLoopIsRefused()
    {
        var store = Directory.CreateDirectory(Path.Combine(_root, "loop")).FullName;
        File.CreateSymbolicLink(Path.Combine(store, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(store, "b"), "a");

        Assert.False(StorePath.TryResolveInside(store, "a", out _, out var refusal));
        Assert.Contains("too many symbolic links", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdapterFollowsNovasRulesForConfigurationAndMetadata()
    {
        var store = Directory.CreateDirectory(Path.Combine(_root, "fs")).FullName;
        File.WriteAllText(Path.Combine(store, "img"), "data");
        var location = new ImageLocation("file:///var/lib/glance/images/img",
            new Dictionary<string, string> { ["id"] = "fs-1", ["mountpoint"] = "/var/lib/glance/images" });
        var adapter = new FileDirectStoreAdapter();

        async Task<string> Refusal(ImageLocation l, params ImageFileSystem[] filesystems)
        {
            var result = await adapter.OpenAsync(l, new DirectStoreContext(new Image { Id = "img" }, new GlanceOptions { Filesystems = filesystems }), default);
            Assert.Null(result.Stream);
            return result.Description;
        }

        Assert.Contains("no filesystems are configured", await Refusal(location), StringComparison.Ordinal);
        Assert.Contains("needs both an id and a mountpoint", await Refusal(location, new ImageFileSystem { Name = "x", Id = "fs-1" }), StringComparison.Ordinal);
        Assert.Contains("has no 'mountpoint'", await Refusal(location with { Metadata = new Dictionary<string, string> { ["id"] = "fs-1" } },
            new ImageFileSystem { Name = "x", Id = "fs-1", Mountpoint = store }), StringComparison.Ordinal);

        var opened = await adapter.OpenAsync(location,
            new DirectStoreContext(new Image { Id = "img" }, new GlanceOptions { Filesystems = [new ImageFileSystem { Name = "x", Id = "fs-1", Mountpoint = store }] }), default);
        await using var stream = opened.Stream!;
        Assert.Equal("data", await new StreamReader(stream).ReadToEndAsync());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
