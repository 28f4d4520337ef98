using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaImage.Core;
using NovaImage.TestSupport;

namespace NovaImage.Tests.ImageApi;

/// <summary>Options bound from a real nova.conf (INI) and from appsettings.json, validated at start.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("novaimage-config-");

    public void Dispose() => _dir.Delete(recursive: true);

    private IConfiguration NovaConf(string text)
    {
        var path = Path.Combine(_dir.FullName, $"nova-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        return new ConfigurationBuilder().AddIniFile(path).Build();
    }

    private IConfiguration AppSettings(string json)
    {
        var path = Path.Combine(_dir.FullName, $"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return new ConfigurationBuilder().AddJsonFile(path).Build();
    }

    private static GlanceOptions Options(ImageApiHost host) => host.Core.Options;

    private static OptionsValidationException StartFails(IConfiguration configuration)
    {
        var host = ImageApiHost.Create(configuration);
        return Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public async Task A_nova_conf_with_Novas_key_names_binds_every_option()
    {
        var config = NovaConf("""
            [DEFAULT]
            debug = true

            [glance]
            api_servers = glance1.example:9292, https://glance2.example/image, http://[fd00::5]:9292
            num_retries = 5
            api_version = auto
            timeout = 2.5
            allowed_direct_url_schemes = file
            token = p:u

            [image_file_url]
            filesystems = shared1, shared2

            [image_file_url:shared1]
            id = 5e8f6a8c-1111
            mountpoint = /mnt/glance1

            [image_file_url:shared2]
            id = 5e8f6a8c-2222
            mountpoint = /mnt/glance2
            """);
        await using var host = ImageApiHost.Create(config);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = Options(host);

        Assert.Equal(["glance1.example:9292", "https://glance2.example/image", "http://[fd00::5]:9292"], options.ApiServers);
        Assert.Equal(5, options.NumRetries);
        Assert.Equal(ApiVersion.Auto, options.ApiVersion);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Timeout);
        Assert.Equal(["file"], options.AllowedDirectUrlSchemes);
        Assert.Equal(["shared1:5e8f6a8c-1111:/mnt/glance1", "shared2:5e8f6a8c-2222:/mnt/glance2"], options.Filesystems.Select(f => $"{f.Name}:{f.Id}:{f.Mountpoint}"));
        // Scheme defaults to http, the path prefix is kept, IPv6 stays bracketed.
        Assert.Equal(
            new[] { "http://[fd00::5]:9292/", "http://glance1.example:9292/", "https://glance2.example/image" },
            host.Core.Endpoints.Servers.Select(s => s.AbsoluteUri).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_response_bounds_bind_from_nova_conf_and_the_stall_timeout_falls_back_to_timeout()
    {
        var bounds = ImageApiHost.Create(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            stall_timeout = 7.5
            min_transfer_rate = 2048
            transfer_rate_window = 45
            total_timeout = 600
            max_response_size = 1048576
            """));
        var defaults = ImageApiHost.Create(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            timeout = 20
            """));

        Assert.Equal(new NovaImage.Core.ResponseBounds(TimeSpan.FromSeconds(7.5), 2048, TimeSpan.FromSeconds(45), 1048576), bounds.Core.Bounds);
        Assert.Equal(TimeSpan.FromSeconds(600), Options(bounds).TotalTimeout);
        // Nova's timeout is glanceclient's per-read socket timeout: it is the stall timeout unless stall_timeout is set.
        Assert.Equal(new NovaImage.Core.ResponseBounds(TimeSpan.FromSeconds(20), 1024, TimeSpan.FromSeconds(30), 16 * 1024 * 1024), defaults.Core.Bounds);
        Assert.Null(Options(defaults).TotalTimeout);
    }

    [Fact]
    public void Verify_md5_binds_from_nova_conf_and_is_off_by_default()
    {
        var on = ImageApiHost.Create(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            verify_md5 = true
            """));
        var defaults = ImageApiHost.Create(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            """));

        Assert.True(Options(on).VerifyMd5);
        Assert.False(Options(defaults).VerifyMd5);
    }

    [Fact]
    public void Download_parallelism_binds_from_nova_conf_and_appsettings_and_defaults_to_the_library_default()
    {
        var novaConf = ImageApiHost.Create(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            download_parallelism = 7
            """));
        var appSettings = ImageApiHost.Create(AppSettings("""
            { "Glance": { "ApiServers": [ "http://glance:9292" ], "DownloadParallelism": 1 } }
            """));
        var defaults = ImageApiHost.Create(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            """));

        Assert.Equal(7, Options(novaConf).DownloadParallelism);
        Assert.Equal(1, Options(appSettings).DownloadParallelism);
        Assert.Equal(DownloadOptions.DefaultParallelism, Options(defaults).DownloadParallelism);
    }

    [Fact]
    public void A_download_parallelism_of_0_fails_at_start_saying_it_must_be_at_least_1()
    {
        var error = StartFails(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            download_parallelism = 0
            """));

        Assert.Contains("[glance] download_parallelism: 0 is below 1", error.Message);
    }

    [Fact]
    public async Task Appsettings_json_binds_the_Glance_section_with_PascalCase_keys()
    {
        var config = AppSettings($$"""
            {
              "Glance": {
                "ApiServers": [ "{{GlanceServer.Endpoint.AbsoluteUri}}" ],
                "NumRetries": 2,
                "ApiVersion": "2",
                "Timeout": "00:00:30",
                "Token": "{{GlanceIdentity.ProjectA.Token}}",
                "Filesystems": [ { "Name": "fs1", "Id": "abc", "Mountpoint": "/mnt/a" } ]
              }
            }
            """);
        await using var host = ImageApiHost.Create(config);

        var options = Options(host);
        Assert.Equal(2, options.NumRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal("abc", Assert.Single(options.Filesystems).Id);

        // The bound client lists (a missing token would be refused and throw) from the configured server, in one v2
        // request.
        await host.Api.ListImagesAsync(new ImageQuery { PageSize = 1 }).Take(1).ToListAsync();
        Assert.Equal(new Uri(GlanceServer.Endpoint, "v2/images?limit=1"), Assert.Single(host.Requests.All).Uri);
    }

    [Fact]
    public async Task A_nova_conf_with_only_host_port_protocol_works_and_warns_once()
    {
        var config = NovaConf($"""
            [glance]
            host = {GlanceServer.Endpoint.Host}
            port = {GlanceServer.Endpoint.Port}
            protocol = http
            """);
        await using var host = ImageApiHost.Create(config, o => o.Token = GlanceIdentity.ProjectA.Token);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var image = await host.Api.CreateImageAsync(new ImageCreate { Name = "deprecated-config", DiskFormat = "raw", ContainerFormat = "bare" });
        await host.Api.GetImageAsync(image.Id);
        await host.Api.ListImagesAsync(new ImageQuery { PageSize = 1 }).Take(1).ToListAsync();
        await host.Api.DeleteImageAsync(image.Id);

        Assert.Equal(GlanceServer.Endpoint.Authority, Assert.Single(host.Core.Endpoints.Servers).Authority);
        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Category == typeof(NovaImage.Core.GlanceClientCore).FullName && r.Id.Id == 3);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("host/port/protocol", warning.Message);
        Assert.Contains($"api_servers = http://{GlanceServer.Endpoint.Host}:{GlanceServer.Endpoint.Port}", warning.Message);
    }

    [Fact]
    public async Task Deprecated_options_bracket_an_IPv6_host_and_default_the_protocol()
    {
        await using var host = ImageApiHost.Create(NovaConf("""
            [glance]
            host = fd00::7
            port = 9393
            """));

        Assert.Equal("http://[fd00::7]:9393/", Assert.Single(host.Core.Endpoints.Servers).AbsoluteUri);
    }

    [Fact]
    public void Newtons_use_glance_v1_selects_v1()
    {
        var host = ImageApiHost.Create(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            use_glance_v1 = true
            """));

        Assert.Equal(ApiVersion.V1, Options(host).ApiVersion);
    }

    [Theory]
    [InlineData("num_retries = -1", "num_retries")]
    [InlineData("num_retries = many", "num_retries")]
    [InlineData("timeout = 0", "timeout")]
    [InlineData("api_version = 3", "api_version")]
    [InlineData("stall_timeout = 0", "stall_timeout")]
    [InlineData("min_transfer_rate = -1", "min_transfer_rate")]
    [InlineData("min_transfer_rate = fast", "min_transfer_rate")]
    [InlineData("transfer_rate_window = 0", "transfer_rate_window")]
    [InlineData("total_timeout = -5", "total_timeout")]
    [InlineData("total_timeout = 1e10", "total_timeout")]
    [InlineData("max_response_size = 100", "max_response_size")]
    [InlineData("insecure = maybe", "insecure")]
    [InlineData("verify_md5 = sometimes", "verify_md5")]
    [InlineData("download_parallelism = -2", "download_parallelism")]
    [InlineData("download_parallelism = lots", "download_parallelism")]
    [InlineData("allowed_direct_url_schemes = file, 9p:", "allowed_direct_url_schemes")]
    public void Invalid_values_fail_at_start_naming_the_key(string line, string key)
    {
        var error = StartFails(NovaConf($"""
            [glance]
            api_servers = http://glance:9292
            {line}
            """));

        Assert.Contains($"[glance] {key}", error.Message);
    }

    [Theory]
    [InlineData("api_servers = ftp://glance:21", "only http and https")]
    [InlineData("api_servers = fd00::1:9292", "IPv6")]
    [InlineData("api_servers = http://glance:9292?x=1", "query")]
    public void Bad_api_servers_entries_fail_at_start(string line, string problem)
    {
        var error = StartFails(NovaConf($"""
            [glance]
            {line}
            """));

        Assert.Contains("[glance] api_servers", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Conflicting_settings_fail_at_start_naming_both_keys()
    {
        var error = StartFails(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            host = glance
            insecure = true
            cafile = /etc/ssl/ca.pem
            """));

        Assert.Contains("api_servers and the deprecated host/port/protocol", error.Message);
        Assert.Contains("insecure = true and cafile", error.Message);
    }

    [Fact]
    public void No_endpoint_at_all_fails_at_start()
    {
        var error = StartFails(NovaConf("""
            [glance]
            num_retries = 1
            """));

        Assert.Contains("[glance] api_servers is empty", error.Message);
    }

    [Fact]
    public void A_filesystem_without_id_or_mountpoint_fails_at_start()
    {
        var error = StartFails(NovaConf("""
            [glance]
            api_servers = http://glance:9292

            [image_file_url]
            filesystems = shared1

            [image_file_url:shared1]
            mountpoint = /mnt/x
            """));

        Assert.Contains("[image_file_url:shared1] id is missing", error.Message);
    }

    private (string CertFile, string KeyFile, string Thumbprint) WriteClientCertificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certFile = Path.Combine(_dir.FullName, $"{name}.crt");
        var keyFile = Path.Combine(_dir.FullName, $"{name}.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile, certificate.Thumbprint);
    }

    /// <summary>
    /// Nova's <c>TestGlanceClientWrapper.test_create_glance_client_with_ssl</c>: the cert file and key file are handed
    /// to the HTTP client next to the CA file, so Glance can authenticate the client (mutual TLS).
    /// </summary>
    [Fact]
    public async Task Certfile_and_keyfile_give_the_handler_its_client_certificate()
    {
        var (certFile, keyFile, thumbprint) = WriteClientCertificate("compute1");
        var combined = Path.Combine(_dir.FullName, "combined.pem");
        File.WriteAllText(combined, File.ReadAllText(certFile) + "\n" + File.ReadAllText(keyFile));
        await using var host = ImageApiHost.Create(NovaConf($"""
            [glance]
            api_servers = https://glance:9292
            certfile = {certFile}
            keyfile = {keyFile}
            """));

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = Options(host);
        using var handler = Assert.IsType<SocketsHttpHandler>(TlsHandlerFactory.Create(options));
        using var combinedHandler = Assert.IsType<SocketsHttpHandler>(TlsHandlerFactory.Create(new GlanceOptions { CertFile = combined }));

        Assert.Equal((certFile, keyFile), (options.CertFile, options.KeyFile));
        foreach (var presented in new[] { handler.SslOptions.ClientCertificates, combinedHandler.SslOptions.ClientCertificates })
        {
            var certificate = Assert.IsType<X509Certificate2>(Assert.Single(presented!));
            Assert.Equal(thumbprint, certificate.Thumbprint);
            Assert.True(certificate.HasPrivateKey);
        }
    }

    [Fact]
    public void A_client_certificate_that_cannot_be_loaded_fails_at_start_naming_the_key()
    {
        var (certFile, _, _) = WriteClientCertificate("compute1");
        var (_, otherKeyFile, _) = WriteClientCertificate("someone-else");
        var missing = Path.Combine(_dir.FullName, "missing.pem");

        string Failure(string lines) => StartFails(NovaConf($"""
            [glance]
            api_servers = https://glance:9292
            {lines}
            """)).Message;

        Assert.Contains($"[glance] certfile: '{missing}' does not exist", Failure($"certfile = {missing}"));
        Assert.Contains($"[glance] keyfile: '{missing}' does not exist", Failure($"certfile = {certFile}\nkeyfile = {missing}"));
        Assert.Contains("[glance] keyfile is set without certfile", Failure($"keyfile = {otherKeyFile}"));
        Assert.Contains("[glance] certfile: ", Failure($"certfile = {certFile}")); // no key in the file, no keyfile
        Assert.Contains("[glance] certfile/keyfile: ", Failure($"certfile = {certFile}\nkeyfile = {otherKeyFile}")); // a key that is not the certificate's
    }

    [Fact]
    public async Task The_options_delegate_overrides_the_file()
    {
        await using var host = ImageApiHost.Create(NovaConf("""
            [glance]
            api_servers = http://glance:9292
            num_retries = 1
            """), o => o.NumRetries = 7);

        Assert.Equal(7, Options(host).NumRetries);
    }
}
