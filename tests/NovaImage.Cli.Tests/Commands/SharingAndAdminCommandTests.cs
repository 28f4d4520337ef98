using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>Members, imports, deactivation and stores through the built CLI against the real Glance.</summary>
public sealed class SharingAndAdminCommandTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _name = $"cli-{Guid.NewGuid():N}";

    [Fact]
    public async Task Members_are_added_accepted_rejected_listed_and_removed()
    {
        var id = await CreateAsync(GlanceIdentity.ProjectA, "--visibility", "shared");
        var projectB = GlanceIdentity.ProjectB.ProjectId;

        var added = await NovaImageCli.JsonAsync(GlanceIdentity.ProjectA, "image", "member", "add", id, projectB);
        Assert.Equal(projectB, added.GetProperty("member_id").GetString());
        Assert.Equal("pending", added.GetProperty("status").GetString());

        var accepted = await NovaImageCli.JsonAsync(GlanceIdentity.ProjectB, "image", "member", "accept", id, projectB);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());

        // A member may not change the owner's image: not authorized, not "not found".
        NovaImageCli.AssertFailed(await NovaImageCli.RunAsync(GlanceIdentity.ProjectB, "image", "update", id, "--name", "stolen"), 4);

        var list = await NovaImageCli.RunAsync(GlanceIdentity.ProjectA, "image", "member", "list", id);
        NovaImageCli.AssertSucceeded(list);
        Assert.Contains(projectB, list.StandardOutput);
        Assert.Contains("accepted", list.StandardOutput);

        var rejected = await NovaImageCli.JsonAsync(GlanceIdentity.ProjectB, "image", "member", "reject", id, projectB);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());

        NovaImageCli.AssertSucceeded(await NovaImageCli.RunAsync(GlanceIdentity.ProjectA, "image", "member", "remove", id, projectB));
        var members = await NovaImageCli.JsonAsync(GlanceIdentity.ProjectA, "image", "member", "list", id);
        Assert.Empty(members.EnumerateArray());

        // Not shared with C: Glance hides the image entirely.
        NovaImageCli.AssertFailed(await NovaImageCli.RunAsync(GlanceIdentity.ProjectC, "image", "show", id), 3);
    }

    [Fact]
    public async Task Import_glance_direct_stages_the_file_and_waits_until_active()
    {
        var data = _files.RandomFile("staged.img", 120_000);
        var id = await CreateAsync(GlanceIdentity.ProjectA);
        var image = await NovaImageCli.JsonAsync("image", "import", id, "--method", "glance-direct", "--file", data, "--wait", "--timeout", "120");
        Assert.Equal("active", image.GetProperty("status").GetString());
        Assert.Equal(TempFiles.Sha512(data), image.GetProperty("os_hash_value").GetString());
    }

    [Fact]
    public async Task Import_web_download_fetches_the_url()
    {
        var data = _files.RandomFile("web.img", 90_000);
        using var server = new OneFileHttpServer(File.ReadAllBytes(data));
        var id = await CreateAsync(GlanceIdentity.ProjectA);
        var image = await NovaImageCli.JsonAsync("image", "import", id, "--method", "web-download", "--uri", server.Url, "--wait", "--timeout", "120");
        Assert.Equal("active", image.GetProperty("status").GetString());
        Assert.Equal(90_000, image.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Import_copy_image_copies_to_another_store_as_admin()
    {
        var data = _files.RandomFile("copy.img", 60_000);
        var id = await CreateAsync(GlanceIdentity.Admin, "--file", data);
        var image = await NovaImageCli.JsonAsync(GlanceIdentity.Admin, "image", "import", id, "--method", "copy-image", "--store", "fs2", "--wait", "--timeout", "120");
        Assert.Contains("fs2", image.GetProperty("stores").GetString()!.Split(','));
    }

    [Fact]
    public async Task Import_glance_download_copies_an_image_from_the_other_region()
    {
        // The dev Glance's service catalog names itself as region RegionOne (scripts/glance-dev.sh).
        var data = _files.RandomFile("remote.img", 50_000);
        var source = await CreateAsync(GlanceIdentity.ProjectA, "--file", data);
        var target = await CreateAsync(GlanceIdentity.ProjectA);
        var image = await NovaImageCli.JsonAsync("image", "import", target, "--method", "glance-download",
            "--remote-image", source, "--remote-region", "RegionOne", "--wait", "--timeout", "120");
        Assert.Equal("active", image.GetProperty("status").GetString());
        Assert.Equal(TempFiles.Sha512(data), image.GetProperty("os_hash_value").GetString());
    }

    [Fact]
    public async Task A_deactivated_image_cannot_be_downloaded_until_it_is_reactivated()
    {
        var data = _files.RandomFile("deactivate.img", 40_000);
        var id = await CreateAsync(GlanceIdentity.ProjectA, "--file", data);

        var deactivate = await NovaImageCli.RunAsync("image", "deactivate", id);
        NovaImageCli.AssertSucceeded(deactivate);
        Assert.Contains($"Deactivated image {id}", deactivate.StandardOutput);
        Assert.Equal("deactivated", (await NovaImageCli.JsonAsync("image", "show", id)).GetProperty("status").GetString());

        var destination = _files.PathOf("blocked.img");
        var error = NovaImageCli.AssertFailed(await NovaImageCli.RunAsync("image", "download", id, "--file", destination), 4);
        Assert.Contains(id, error);
        Assert.False(File.Exists(destination));

        var reactivate = await NovaImageCli.JsonAsync("image", "reactivate", id);
        Assert.Equal("reactivate", reactivate.GetProperty("action").GetString());
        NovaImageCli.AssertSucceeded(await NovaImageCli.RunAsync("image", "download", id, "--file", destination));
        Assert.Equal(File.ReadAllBytes(data), File.ReadAllBytes(destination));
    }

    [Fact]
    public async Task Stores_lists_both_file_stores_with_the_default()
    {
        var stores = await NovaImageCli.JsonAsync("stores");
        var byId = stores.EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.True(byId["fs1"].GetProperty("default").GetBoolean());
        Assert.False(byId["fs2"].GetProperty("default").GetBoolean());

        var table = await NovaImageCli.RunAsync("stores");
        NovaImageCli.AssertSucceeded(table);
        Assert.Contains("fs2", table.StandardOutput);
    }

    private async Task<string> CreateAsync(GlanceIdentity identity, params string[] extra)
    {
        var image = await NovaImageCli.JsonAsync(identity, ["image", "create", "--name", _name, "--disk-format", "raw", "--container-format", "bare", .. extra]);
        return image.GetProperty("id").GetString()!;
    }

    public void Dispose() => _files.Dispose();

    /// <summary>Serves one file over HTTP on loopback, for Glance's web-download import to fetch.</summary>
    private sealed class OneFileHttpServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly byte[] _content;

        public OneFileHttpServer(byte[] content)
        {
            _content = content;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/image.img";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                context.Response.ContentLength64 = _content.Length;
                await context.Response.OutputStream.WriteAsync(_content);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();
    }
}
