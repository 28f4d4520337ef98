using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using NovaImage.Cli.Tests.Infrastructure;
using NovaImage.TestSupport;

namespace NovaImage.Cli.Tests.Commands;

/// <summary>
/// Image signatures through the built CLI: <c>image sign</c>, <c>image create --sign-key</c> and
/// <c>image download --verify-signature/--trusted-cert-id</c>. Downloads run against the plain Glance with a certificate
/// directory (<c>[glance] signing_certificate_dir</c>); the signed upload runs against the Keystone-backed Glance, which
/// fetches the certificate from Barbican and verifies the signature itself. Before these commands existed, every
/// command line here was a usage error (exit 2: unknown command or option).
/// </summary>
public sealed class SignatureCommandTests : IDisposable
{
    private const string LeafId = "5a9e2c11-0000-4000-8000-00000000000a";
    private const string CaId = "5a9e2c11-0000-4000-8000-0000000000ca";
    private const string OtherCaId = "5a9e2c11-0000-4000-8000-0000000000cb";
    private readonly TempFiles _files = new();
    private readonly string _name = $"cli-signed-{Guid.NewGuid():N}";
    private readonly string _key;
    private readonly string _certificate;
    private readonly string _config;

    public SignatureCommandTests()
    {
        var certificates = Directory.CreateDirectory(_files.PathOf("certs")).FullName;
        var now = DateTimeOffset.UtcNow;
        using var ca = CreateCa("NovaImage CLI test CA", now);
        using var otherCa = CreateCa("Another CA", now);
        using var leafKey = RSA.Create(2048);
        using var leaf = new CertificateRequest("CN=image signer", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .Create(ca, now.AddDays(-1), now.AddDays(30), [5, 6, 7, 8]);
        _certificate = Path.Combine(certificates, LeafId + ".pem");
        File.WriteAllText(_certificate, leaf.ExportCertificatePem());
        File.WriteAllText(Path.Combine(certificates, CaId + ".pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(certificates, OtherCaId + ".pem"), otherCa.ExportCertificatePem());
        _key = _files.Write("signer.key", leafKey.ExportPkcs8PrivateKeyPem());
        _config = _files.Write("nova.conf", $"[glance]\nsigning_certificate_dir = {certificates}\n");
    }

    [Fact]
    public async Task Sign_prints_the_four_properties_and_the_signature_verifies_with_openssl_as_cursive_pads_it()
    {
        var data = _files.RandomFile("data.img", 300_001);

        var json = await NovaImageCli.JsonAsync("image", "sign", data, "--sign-key", _key, "--sign-cert-id", LeafId, "--sign-hash-method", "SHA-384");

        Assert.Equal("SHA-384", json.GetProperty("img_signature_hash_method").GetString());
        Assert.Equal("RSA-PSS", json.GetProperty("img_signature_key_type").GetString());
        Assert.Equal(LeafId, json.GetProperty("img_signature_certificate_uuid").GetString());
        var signature = Convert.FromBase64String(json.GetProperty("img_signature").GetString()!);
        // cursive's padding: PSS, MGF1 with the data's hash, the maximum salt length; openssl checks exactly that
        // (.NET's RSASignaturePadding.Pss expects a salt as long as the hash, so it cannot be the reference here).
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(_certificate));
        using var publicKey = certificate.GetRSAPublicKey()!;
        var signatureFile = _files.PathOf("data.sig");
        File.WriteAllBytes(signatureFile, signature);
        var publicKeyFile = _files.Write("public.pem", publicKey.ExportSubjectPublicKeyInfoPem());
        var openssl = await ProcessRunner.RunAsync("openssl", ["dgst", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:-2",
            "-verify", publicKeyFile, "-signature", signatureFile, data]);
        Assert.True(openssl.ExitCode == 0 && openssl.StandardOutput.Contains("Verified OK", StringComparison.Ordinal), openssl.ToString());

        // For people: the properties by their Glance names; -f value gives them one a line, for scripts.
        var values = await NovaImageCli.RunAsync("image", "sign", data, "--sign-key", _key, "--sign-cert-id", LeafId, "-f", "value");
        NovaImageCli.AssertSucceeded(values);
        Assert.Equal(["SHA-256", "RSA-PSS", LeafId], values.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
    }

    [Fact]
    public async Task Download_verify_signature_checks_a_signed_image_and_exits_9_naming_image_and_certificate_when_the_data_does_not_match()
    {
        var data = _files.RandomFile("data.img", 200_000);
        var id = await CreateAsync(data);
        await SignAsync(id, data);

        var verified = await RunAsync("image", "download", id, "--file", _files.PathOf("good.img"), "--verify-signature");
        NovaImageCli.AssertSucceeded(verified);
        Assert.Contains($"Verified signature: RSA-PSS signature over SHA-256 (certificate {LeafId})", verified.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(data), File.ReadAllBytes(_files.PathOf("good.img")));

        // A valid signature by the right key over other bytes: the image's data no longer matches it.
        await SignAsync(id, _files.RandomFile("other.img", 1000));
        var destination = _files.Write("bad.img", "previous content");
        var refused = await RunAsync("image", "download", id, "--file", destination, "--verify-signature");
        var error = NovaImageCli.AssertFailed(refused, 9);
        Assert.Contains($"image {id}", error, StringComparison.Ordinal);
        Assert.Contains($"certificate {LeafId}", error, StringComparison.Ordinal);
        Assert.Contains("does not match its RSA-PSS signature", error, StringComparison.Ordinal);
        Assert.Equal("previous content", File.ReadAllText(destination));

        // Without the option (and verify_glance_signatures off) the same image downloads as before.
        NovaImageCli.AssertSucceeded(await RunAsync("image", "download", id, "--file", _files.PathOf("unchecked.img")));
    }

    [Fact]
    public async Task Download_verify_signature_refuses_an_unsigned_image_and_writes_nothing()
    {
        var id = await CreateAsync(_files.RandomFile("data.img", 10_000));
        var destination = _files.PathOf("unsigned.img");

        var refused = await RunAsync("image", "download", id, "--file", destination, "--verify-signature");

        var error = NovaImageCli.AssertFailed(refused, 9);
        Assert.Contains("lacks the signature properties", error, StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public async Task Trusted_cert_id_verifies_the_chain_to_the_given_certificates()
    {
        var data = _files.RandomFile("data.img", 50_000);
        var id = await CreateAsync(data);
        await SignAsync(id, data);

        // --trusted-cert-id alone turns verification on, as Nova's trusted certificates do.
        var trusted = await RunAsync("image", "download", id, "--file", _files.PathOf("trusted.img"), "--trusted-cert-id", OtherCaId, "--trusted-cert-id", CaId);
        NovaImageCli.AssertSucceeded(trusted);
        Assert.Contains("Verified signature:", trusted.StandardOutput, StringComparison.Ordinal);

        var untrusted = await RunAsync("image", "download", id, "--file", _files.PathOf("untrusted.img"), "--trusted-cert-id", OtherCaId);
        var error = NovaImageCli.AssertFailed(untrusted, 9);
        Assert.Contains("The signing certificate is not trusted", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.PathOf("untrusted.img")));
    }

    [Fact]
    public async Task Signing_usage_errors_exit_2_name_the_problem_and_never_print_key_material()
    {
        var data = _files.RandomFile("data.img", 1000);
        var noCertificate = await NovaImageCli.RunAsync("image", "create", "--name", _name, "--file", data, "--sign-key", _key);
        Assert.Contains("--sign-key needs --sign-cert-id", noCertificate.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, noCertificate.ExitCode);

        var noFile = await NovaImageCli.RunAsync("image", "create", "--name", _name, "--sign-key", _key, "--sign-cert-id", LeafId);
        Assert.Contains("--sign-key needs --file", noFile.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, noFile.ExitCode);

        var badMethod = await NovaImageCli.RunAsync("image", "sign", data, "--sign-key", _key, "--sign-cert-id", LeafId, "--sign-hash-method", "SHA-1");
        Assert.Equal(2, badMethod.ExitCode);

        // A certificate where the key should be, and an encrypted key with the wrong password: the file is named, its content never shown.
        var notAKey = await NovaImageCli.RunAsync("image", "create", "--name", _name, "--file", data, "--sign-key", _certificate, "--sign-cert-id", LeafId);
        Assert.Contains(_certificate, NovaImageCli.AssertFailed(notAKey, 2), StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", notAKey.StandardOutput + notAKey.StandardError, StringComparison.Ordinal);
        using var rsa = RSA.Create(2048);
        var encrypted = _files.Write("encrypted.key",
            rsa.ExportEncryptedPkcs8PrivateKeyPem("right password", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        var wrongPassword = await NovaImageCli.RunAsync("image", "sign", data, "--sign-key", encrypted, "--sign-cert-id", LeafId,
            "--sign-key-password-file", _files.Write("password", "wrong password\n"));
        var error = NovaImageCli.AssertFailed(wrongPassword, 2);
        Assert.Contains(encrypted, error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong password", wrongPassword.StandardOutput + wrongPassword.StandardError, StringComparison.Ordinal);
        NovaImageCli.AssertSucceeded(await NovaImageCli.RunAsync("image", "sign", data, "--sign-key", encrypted, "--sign-cert-id", LeafId,
            "--sign-key-password-file", _files.Write("right", "right password\n")));

        // Nothing was created by the refused creates.
        var images = await NovaImageCli.JsonAsync("image", "list", "--name", _name);
        Assert.Equal(0, images.GetArrayLength());
    }

    [Fact]
    public async Task Create_sign_key_uploads_a_signature_the_keystone_backed_glance_verifies_with_barbican()
    {
        var token = await KeystoneCloud.IssueTokenAsync(KeystoneCloud.Demo);
        var certificateId = await StoreCertificateInBarbicanAsync(token, File.ReadAllText(_certificate));
        var data = _files.RandomFile("data.img", 400_000);

        var created = await RunInCloudAsync(token, "image", "create", "--name", _name, "--disk-format", "raw", "--container-format", "bare",
            "--file", data, "--sign-key-path", _key, "--sign-cert-id", certificateId, "--sign-hash-method", "SHA-512", "--json");
        NovaImageCli.AssertSucceeded(created);
        using var image = JsonDocument.Parse(created.StandardOutput);
        Assert.Equal("active", image.RootElement.GetProperty("status").GetString()); // Glance verified the signature at upload
        Assert.Equal(certificateId, image.RootElement.GetProperty("img_signature_certificate_uuid").GetString());
        Assert.Equal("SHA-512", image.RootElement.GetProperty("img_signature_hash_method").GetString());
        var id = image.RootElement.GetProperty("id").GetString()!;
        try
        {
            // A signature by another key: Glance refuses the upload (400, exit 2) and the image made for it is deleted.
            using var otherKey = RSA.Create(2048);
            var wrongKey = _files.Write("other.key", otherKey.ExportPkcs8PrivateKeyPem());
            var refused = await RunInCloudAsync(token, "image", "create", "--name", _name + "-bad", "--disk-format", "raw", "--container-format", "bare",
                "--file", data, "--sign-key", wrongKey, "--sign-cert-id", certificateId);
            var error = NovaImageCli.AssertFailed(refused, 2);
            Assert.Contains("Signature verification failed", error, StringComparison.Ordinal);
            Assert.Contains("was deleted", error, StringComparison.Ordinal);
        }
        finally
        {
            NovaImageCli.AssertSucceeded(await RunInCloudAsync(token, "image", "delete", id));
        }
    }

    public void Dispose() => _files.Dispose();

    private Task<ProcessResult> RunAsync(params string[] arguments) => NovaImageCli.RunAsync(["--config", _config, .. arguments]);

    private static Task<ProcessResult> RunInCloudAsync(string token, params string[] arguments) =>
        NovaImageCli.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["NOVAIMAGE_API_SERVERS"] = KeystoneCloud.ImageUrl.AbsoluteUri,
            ["OS_AUTH_TOKEN"] = token,
        }, arguments);

    private async Task<string> CreateAsync(string data)
    {
        var image = await NovaImageCli.JsonAsync("image", "create", "--name", _name, "--disk-format", "raw", "--container-format", "bare", "--file", data);
        return image.GetProperty("id").GetString()!;
    }

    /// <summary>Signs <paramref name="data"/> with the CLI and sets the properties with <c>image update --property</c>, as a user would.</summary>
    private async Task SignAsync(string id, string data)
    {
        var signature = await NovaImageCli.JsonAsync("image", "sign", data, "--sign-key", _key, "--sign-cert-id", LeafId);
        NovaImageCli.AssertSucceeded(await NovaImageCli.RunAsync(["image", "update", id,
            .. signature.EnumerateObject().SelectMany(p => new[] { "--property", $"{p.Name}={p.Value.GetString()}" })]));
    }

    /// <summary>Stores a PEM certificate as Barbican secret the way Glance (castellan) reads it; returns its uuid.</summary>
    private static async Task<string> StoreCertificateInBarbicanAsync(string token, string pem)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(KeystoneCloud.BarbicanUrl, "v1/secrets"))
        {
            // uwsgi reads a chunked body as empty: JsonContent would stream it, a string has a Content-Length.
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["name"] = "novaimage-cli-signing-cert",
                ["secret_type"] = "certificate",
                ["payload"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem)),
                ["payload_content_type"] = "application/octet-stream",
                ["payload_content_encoding"] = "base64",
            }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Barbican: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret_ref").GetString()!;
        return reference[(reference.LastIndexOf('/') + 1)..];
    }

    private static X509Certificate2 CreateCa(string name, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(now.AddDays(-2), now.AddDays(60));
    }
}
