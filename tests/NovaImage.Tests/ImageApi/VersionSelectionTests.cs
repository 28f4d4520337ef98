using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NovaImage.TestSupport;

namespace NovaImage.Tests.ImageApi;

/// <summary>Version selection (V2 default, V1 configured, Auto from the versions document) and feature gating.</summary>
public sealed class VersionSelectionTests
{
    [Fact]
    public async Task V2_is_the_default()
    {
        await using var host = ImageApiHost.Create(o => o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri]);

        Assert.Equal(ApiVersion.V2, await host.Api.GetApiVersionAsync());
        Assert.Empty(host.Requests.All);
    }

    [Fact]
    public async Task Auto_picks_v2_on_the_real_Glance_and_reads_the_versions_document_once()
    {
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.Auto, GlanceServer.Endpoint);

        Assert.Equal(ApiVersion.V2, await host.Api.GetApiVersionAsync());
        await host.Api.ListImagesAsync(new ImageQuery { PageSize = 1 }).Take(1).ToListAsync();
        await host.Api.GetVersionsAsync();
        Assert.Equal(ApiVersion.V2, await host.Api.GetApiVersionAsync());

        Assert.Equal(1, host.Requests.PathsEndingWith("/versions"));
    }

    [Fact]
    public async Task Configured_v1_on_a_server_without_v1_fails_with_the_typed_error_not_its_versions_document()
    {
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V1, GlanceServer.Endpoint);

        var error = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => host.Api.GetImageAsync(Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.MultipleChoices, error.StatusCode);
        Assert.Contains("does not serve", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("versions", error.GlanceMessage ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_picks_v1_on_a_server_that_advertises_only_v1()
    {
        await using var server = await NovaImage.TestSupport.V1Server.V1Server.StartAsync();
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.Auto, server.Endpoint);

        Assert.Equal(ApiVersion.V1, await host.Api.GetApiVersionAsync());
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "auto-v1", DiskFormat = "raw", ContainerFormat = "bare" });
        Assert.Equal(image.Id, (await host.Api.GetImageAsync(image.Id)).Id);
        Assert.Contains(server.Requests, r => r.StartsWith("HEAD /v1/images/", StringComparison.Ordinal));
        Assert.Single(host.Logs.GetSnapshot(), r => r.Category == typeof(NovaImage.Core.GlanceClientCore).FullName && r.Id.Id == 4 && r.Message.Contains("V1"));
    }

    [Fact]
    public async Task The_versions_document_is_read_once_per_endpoint_across_clients()
    {
        await using var host = ImageApiHost.Build(s => s.AddGlanceImageApi(o =>
        {
            o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
            o.ApiVersion = ApiVersion.Auto;
        }));

        var versions = await host.Api.GetVersionsAsync();
        await host.Api.GetVersionsAsync();
        await host.Api.IsFeatureSupportedAsync(GlanceFeature.Import);

        Assert.Contains(versions, v => v.Major == 2 && v.Status == "CURRENT");
        Assert.Equal(1, host.Requests.PathsEndingWith("/versions"));
    }

    [Fact]
    public async Task Features_are_gated_on_the_advertised_minor_and_probed_where_it_is_only_a_hint()
    {
        await using var host = ImageApiHost.Create(GlanceIdentity.ProjectA, ApiVersion.V2, GlanceServer.Endpoint);

        Assert.True(await host.Api.IsFeatureSupportedAsync(GlanceFeature.Import));
        Assert.True(await host.Api.IsFeatureSupportedAsync(GlanceFeature.MultiStore));
        Assert.True(await host.Api.IsFeatureSupportedAsync(GlanceFeature.Usage));
        // The dev Glance advertises v2.15 but runs no image cache, so it leaves v2.14 out: no request is needed.
        Assert.False(await host.Api.IsFeatureSupportedAsync(GlanceFeature.Cache));
        Assert.Equal(0, host.Requests.PathsEndingWith("/v2/cache"));
        // Advertised features are probed once per endpoint.
        Assert.True(await host.Api.IsFeatureSupportedAsync(GlanceFeature.Import));
        Assert.Equal(1, host.Requests.PathsEndingWith("/v2/info/import"));
    }

    [Fact]
    public async Task A_feature_above_what_the_server_advertises_fails_with_the_typed_error_before_any_call()
    {
        // The real Glance, its versions document cut down to v2.5 (before interoperable import).
        await using var host = ImageApiHost.Build(s =>
        {
            var builder = s.AddGlanceImageApi(o =>
            {
                o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
                o.Token = GlanceIdentity.ProjectA.Token;
            });
            builder.AddHttpMessageHandler(() => new VersionsCap(maxMinor: 5));
            return builder;
        });
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "gated", DiskFormat = "raw", ContainerFormat = "bare" });
        try
        {
            var import = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => host.Api.ImportAsync(image.Id, ImageImport.GlanceDirect()));
            var stage = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => host.Api.StageAsync(image.Id, new MemoryStream([1])));
            var store = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => host.Api.UploadAsync(image.Id, new MemoryStream([1]), new UploadOptions { Store = "fs2" }));

            Assert.Contains("v2.6", import.Message);
            Assert.Contains("v2.5", import.Message);
            Assert.Equal(image.Id, import.ImageId);
            Assert.Contains("v2.8", store.Message);
            Assert.Equal(0, host.Requests.PathsEndingWith("/import"));
            Assert.Equal(0, host.Requests.PathsEndingWith("/stage"));
            Assert.Equal(0, host.Requests.PathsEndingWith("/file"));
            Assert.Equal(ImageStatus.Queued, (await host.Api.GetImageAsync(image.Id)).Status);
        }
        finally
        {
            await host.Api.DeleteImageAsync(image.Id);
        }
    }

    [Fact]
    public async Task An_advertised_feature_the_probe_finds_disabled_fails_with_the_typed_error()
    {
        // The real Glance with multiple stores switched off, as far as the client can tell: /v2/info/stores answers 404.
        await using var host = ImageApiHost.Build(s =>
        {
            var builder = s.AddGlanceImageApi(o =>
            {
                o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
                o.Token = GlanceIdentity.ProjectA.Token;
            });
            builder.AddHttpMessageHandler(() => new NotFoundAt("/v2/info/stores"));
            return builder;
        });

        Assert.False(await host.Api.IsFeatureSupportedAsync(GlanceFeature.MultiStore));
        var error = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => host.Api.UploadAsync("any-image", new MemoryStream([1]), new UploadOptions { Store = "fs2" }));

        Assert.Contains("not enabled on this server", error.Message);
        Assert.Equal(0, host.Requests.PathsEndingWith("/file"));
    }

    [Fact]
    public async Task Auto_refuses_a_server_that_offers_no_usable_version()
    {
        await using var host = ImageApiHost.Build(s =>
        {
            var builder = s.AddGlanceImageApi(o =>
            {
                o.ApiServers = [GlanceServer.Endpoint.AbsoluteUri];
                o.ApiVersion = ApiVersion.Auto;
            });
            builder.AddHttpMessageHandler(() => new VersionsCap(maxMinor: -1));
            return builder;
        });

        var error = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => host.Api.GetImageAsync(Guid.NewGuid().ToString()));

        Assert.Contains("api_version", error.Message);
    }

    /// <summary>Rewrites the versions document to advertise no v2 minor above <c>maxMinor</c> (-1: nothing at all).</summary>
    private sealed class VersionsCap(int maxMinor) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.EndsWith("/versions", StringComparison.Ordinal)) return response;
            var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            var kept = new JsonArray();
            foreach (var v in doc["versions"]!.AsArray())
            {
                var minor = int.Parse(v!["id"]!.GetValue<string>().Split('.')[1]);
                if (minor <= maxMinor) kept.Add(v.DeepClone());
            }
            response.Content = new StringContent(new JsonObject { ["versions"] = kept }.ToJsonString(), Encoding.UTF8, "application/json");
            response.StatusCode = HttpStatusCode.OK;
            return response;
        }
    }

    private sealed class NotFoundAt(string path) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath == path
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request })
                : base.SendAsync(request, cancellationToken);
    }
}
