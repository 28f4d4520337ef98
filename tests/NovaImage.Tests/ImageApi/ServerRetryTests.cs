using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NovaImage.TestSupport;
using NovaImage.Tests.V2;

namespace NovaImage.Tests.ImageApi;

/// <summary>Nova's server rotation and retry rules, against closed ports and the real Glance.</summary>
public sealed class ServerRetryTests
{
    private static readonly string Transport = typeof(NovaImage.Core.GlanceClientCore).FullName!;

    [Fact]
    public async Task With_a_closed_port_and_the_real_Glance_every_operation_succeeds()
    {
        var closed = ImageApiHost.ClosedPort();
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [closed.AbsoluteUri, GlanceServer.Endpoint.AbsoluteUri];
            o.NumRetries = 1;
            o.RetryDelay = TimeSpan.Zero;
            o.FailedServerCooldown = TimeSpan.Zero; // keep the dead server in every other attempt (ClientCoreTests covers the cooldown)
            o.Token = GlanceIdentity.ProjectA.Token;
        });
        var api = host.Api;
        var data = RandomNumberGenerator.GetBytes(50_000);

        var image = await api.CreateImageAsync(new ImageCreate { Name = "retry-" + Guid.NewGuid().ToString("N"), DiskFormat = "raw", ContainerFormat = "bare", Visibility = ImageVisibility.Shared });
        try
        {
            await api.UpdateImageAsync(image.Id, new ImageUpdate { SetProperties = new Dictionary<string, string> { ["k"] = "v" } });
            await api.UploadAsync(image.Id, new MemoryStream(data));
            await api.AddTagAsync(image.Id, "t");
            await api.RemoveTagAsync(image.Id, "t");
            await api.AddMemberAsync(image.Id, GlanceIdentity.ProjectB.ProjectId);
            Assert.Single(await api.ListMembersAsync(image.Id));
            await api.RemoveMemberAsync(image.Id, GlanceIdentity.ProjectB.ProjectId);
            Assert.Contains(await api.ListImagesAsync(new ImageQuery { Properties = new Dictionary<string, string> { ["k"] = "v" } }).ToListAsync(), i => i.Id == image.Id);
            using var copy = new MemoryStream();
            await api.DownloadAsync(image.Id, copy);
            Assert.Equal(data, copy.ToArray());
            var file = Path.Combine(Path.GetTempPath(), $"novaimage-retry-{Guid.NewGuid():N}.img");
            try
            {
                await api.DownloadToFileAsync(image.Id, file);
                Assert.Equal(data, await File.ReadAllBytesAsync(file));
            }
            finally
            {
                File.Delete(file);
            }
            await using (var member = WithClosedPort(closed, GlanceIdentity.ProjectB))
            {
                await api.AddMemberAsync(image.Id, GlanceIdentity.ProjectB.ProjectId);
                Assert.Equal(MemberStatus.Accepted, (await member.Api.SetMemberStatusAsync(image.Id, GlanceIdentity.ProjectB.ProjectId, MemberStatus.Accepted)).Status);
            }
            await using (var admin = WithClosedPort(closed, GlanceIdentity.Admin))
            {
                await admin.Api.DeactivateAsync(image.Id);
                await admin.Api.ReactivateAsync(image.Id);
            }
            Assert.True(await api.IsFeatureSupportedAsync(GlanceFeature.Import));
            var staged = await api.CreateImageAsync(new ImageCreate { Name = "retry-import", DiskFormat = "raw", ContainerFormat = "bare" });
            await api.StageAsync(staged.Id, new MemoryStream(data));
            await api.ImportAsync(staged.Id, ImageImport.GlanceDirect());
            await api.DeleteImageAsync(staged.Id);
            Assert.Equal("v", (await api.GetImageAsync(image.Id)).Properties["k"]);
            Assert.Equal(ApiVersion.V2, await api.GetApiVersionAsync());
            Assert.NotEmpty(await api.GetVersionsAsync());
        }
        finally
        {
            await api.DeleteImageAsync(image.Id);
        }

        // The closed port was really in the rotation, and each failure on it (data requests included: they go through
        // the same core) was logged as a retry naming it.
        var apiAttemptsOnClosed = host.Requests.All.Count(r => r.Uri.Authority == closed.Authority);
        Assert.True(apiAttemptsOnClosed > 3);
        Assert.Contains(host.Requests.All, r => r.Uri.Authority == closed.Authority && r.Uri.AbsolutePath.EndsWith("/file", StringComparison.Ordinal));
        var retries = host.Logs.GetSnapshot().Where(r => r.Category == Transport && r.Id.Id == 1).ToList();
        Assert.Equal(apiAttemptsOnClosed, retries.Count);
        Assert.All(retries, r => Assert.Contains(closed.Authority, r.Message));
    }

    private static ImageApiHost WithClosedPort(Uri closed, GlanceIdentity identity) => ImageApiHost.Create(o =>
    {
        o.ApiServers = [closed.AbsoluteUri, GlanceServer.Endpoint.AbsoluteUri];
        o.NumRetries = 1;
        o.RetryDelay = TimeSpan.Zero;
        o.FailedServerCooldown = TimeSpan.Zero;
        o.Token = identity.Token;
    });

    [Fact]
    public async Task Three_closed_ports_fail_after_exactly_num_retries_plus_one_attempts()
    {
        Uri[] closed = [ImageApiHost.ClosedPort(), ImageApiHost.ClosedPort(), ImageApiHost.ClosedPort()];
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [.. closed.Select(c => c.AbsoluteUri)];
            o.NumRetries = 4;
            o.RetryDelay = TimeSpan.Zero;
        });
        var id = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.GetImageAsync(id));

        Assert.Equal(5, host.Requests.All.Count);
        // Round-robin over the shuffled list: 5 attempts over 3 servers visit each at least once.
        Assert.All(closed, c => Assert.True(host.Requests.To(c) >= 1));
        Assert.Equal(id, error.ImageId);
        Assert.Contains(error.Server!.Authority, closed.Select(c => c.Authority));
        Assert.Contains("5 attempt", error.Message);
        Assert.Equal(4, host.Logs.GetSnapshot().Count(r => r.Category == Transport && r.Id.Id == 1 && r.Level == LogLevel.Warning));
        Assert.Single(host.Logs.GetSnapshot(), r => r.Category == Transport && r.Id.Id == 2);
    }

    [Fact]
    public async Task Zero_retries_means_one_attempt()
    {
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [ImageApiHost.ClosedPort().AbsoluteUri, ImageApiHost.ClosedPort().AbsoluteUri];
            o.NumRetries = 0;
        });

        await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.ListImagesAsync().ToListAsync().AsTask());

        Assert.Single(host.Requests.All);
    }

    [Fact]
    public async Task A_non_seekable_upload_is_never_replayed()
    {
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [ImageApiHost.ClosedPort().AbsoluteUri];
            o.NumRetries = 3;
            o.RetryDelay = TimeSpan.Zero;
        });

        await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.UploadAsync(Guid.NewGuid().ToString(), new NonSeekableStream([1, 2, 3])));
        Assert.Single(host.Requests.All);

        await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.UploadAsync(Guid.NewGuid().ToString(), new MemoryStream([1, 2, 3])));
        Assert.Equal(1 + 4, host.Requests.All.Count);
    }

    [Fact]
    public async Task A_seekable_upload_is_resent_whole_on_the_next_server()
    {
        var closed = ImageApiHost.ClosedPort();
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [closed.AbsoluteUri, GlanceServer.Endpoint.AbsoluteUri];
            o.NumRetries = 1;
            o.RetryDelay = TimeSpan.Zero;
            o.FailedServerCooldown = TimeSpan.Zero; // strict alternation, so the upload starts on the closed port
            o.Token = GlanceIdentity.ProjectA.Token;
        });
        var data = RandomNumberGenerator.GetBytes(10_000);
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "resend", DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            // Two servers alternate: the create's last attempt reached Glance, so the upload starts on the closed port.
            // The caller's stream starts 100 bytes in; every attempt sends from there.
            var stream = new MemoryStream([.. new byte[100], .. data]) { Position = 100 };
            await host.Api.UploadAsync(image.Id, stream);
            var puts = host.Requests.All.Where(r => r.Method == "PUT").ToList();
            Assert.Equal([closed.Authority, GlanceServer.Endpoint.Authority], puts.Select(p => p.Uri.Authority));
            var shown = await host.Api.GetImageAsync(image.Id);
            Assert.Equal(data.Length, shown.Size);
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), shown.Checksum);
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri, GlanceServer.Endpoint.AbsoluteUri];
            o.NumRetries = 3;
            o.RetryDelay = TimeSpan.Zero;
            o.Token = GlanceIdentity.ProjectA.Token;
        });

        await Assert.ThrowsAsync<ImageNotFoundException>(() => host.Api.GetImageAsync(Guid.NewGuid().ToString()));

        Assert.Single(host.Requests.All);
    }

    [Fact]
    public async Task The_retry_delay_is_honoured_between_attempts()
    {
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [ImageApiHost.ClosedPort().AbsoluteUri];
            o.NumRetries = 2;
            o.RetryDelay = TimeSpan.FromMilliseconds(300);
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.GetVersionsAsync());

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550), $"two pauses of 300 ms, took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(500, false)]
    [InlineData(502, false)]
    [InlineData(504, false)]
    public async Task Only_503_among_error_statuses_is_retried(int status, bool retried)
    {
        // The real Glance cannot be made to answer these on demand: a handler in the client's pipeline answers the
        // first two attempts with the status, later ones reach Glance (and the request log).
        var injected = 0;
        await using var host = ImageApiHost.Build(s =>
        {
            var builder = s.AddGlanceImageApi(o =>
            {
                o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
                o.NumRetries = 3;
                o.RetryDelay = TimeSpan.Zero;
                o.Token = GlanceIdentity.ProjectA.Token;
            });
            builder.AddHttpMessageHandler(() => new StatusInjector(() => Interlocked.Increment(ref injected) <= 2 ? status : null));
            return builder;
        });

        var call = host.Api.ListImagesAsync(new ImageQuery { PageSize = 1 }).Take(1).ToListAsync().AsTask();

        if (retried)
        {
            await call;
            Assert.Equal(3, Volatile.Read(ref injected));
            Assert.Single(host.Requests.All);
            Assert.All(host.Logs.GetSnapshot().Where(r => r.Category == Transport && r.Id.Id == 1), r => Assert.Contains($"HTTP {status}", r.Message));
        }
        else
        {
            var error = await Assert.ThrowsAsync<GlanceServerException>(() => call);
            Assert.Equal(status, (int)error.StatusCode!);
            Assert.Equal(1, Volatile.Read(ref injected));
            Assert.Empty(host.Requests.All);
        }
    }

    [Fact]
    public async Task Timeouts_are_retried_on_the_next_server_and_end_as_a_connection_failure()
    {
        // A server that accepts connections and never answers.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}");
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [endpoint.AbsoluteUri];
            o.NumRetries = 1;
            o.RetryDelay = TimeSpan.Zero;
            o.Timeout = TimeSpan.FromMilliseconds(300);
        });

        var error = await Assert.ThrowsAsync<GlanceConnectionFailedException>(() => host.Api.GetImageAsync("some-image"));

        Assert.Equal(2, host.Requests.All.Count);
        Assert.Contains("timed out", error.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_retried()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        await using var host = ImageApiHost.Create(o =>
        {
            o.ApiServers = [$"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}"];
            o.NumRetries = 3;
            o.RetryDelay = TimeSpan.Zero;
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Api.GetImageAsync("some-image", cancel.Token));

        Assert.Single(host.Requests.All);
    }

    private sealed class StatusInjector(Func<int?> next) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            next() is { } status
                ? Task.FromResult(new HttpResponseMessage((System.Net.HttpStatusCode)status) { RequestMessage = request, Content = new StringContent("injected") })
                : base.SendAsync(request, cancellationToken);
    }
}
