using NovaImage.Signatures;
using NovaImage.TestSupport;

namespace NovaImage.Tests.Signatures;

/// <summary>
/// Interop with cursive, the library Glance and Nova verify image signatures with: for every key type and hash method
/// Nova accepts, a signature made by Python's cryptography the way cursive expects verifies in NovaImage, and one made
/// by NovaImage verifies in cursive. Certificates come from a <see cref="DirectoryCertificateSource"/>.
/// </summary>
public sealed class SignatureInteropTests(SignatureInteropTests.OracleFiles files) : IClassFixture<SignatureInteropTests.OracleFiles>
{
    private readonly string _directory = files.Directory;

    /// <summary>Python's keys, certificates and signatures, made once for the class (key generation takes seconds).</summary>
    public sealed class OracleFiles : IDisposable
    {
        public OracleFiles() => CursiveOracle.Generate(Directory);

        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("novaimage-sig-").FullName;

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }

    [Fact]
    public async Task SignaturesMadeByPythonVerifyInNovaImageForEveryKeyTypeAndHashMethodAndAlteredDataFails()
    {
        var data = await File.ReadAllBytesAsync(Path.Combine(_directory, "data.bin"));
        var altered = data.ToArray();
        altered[^1] ^= 1;
        var results = new List<string>();
        foreach (var keyType in CursiveOracle.KeyTypes)
        {
            foreach (var hash in CursiveOracle.HashMethods)
            {
                var signature = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(_directory, $"{keyType}_{hash}.py.sig")));
                var check = await PrepareAsync(keyType, hash, signature);
                results.Add($"{keyType} {hash} {Verifies(check, data)} {Verifies(check, altered)}");
            }
        }

        Assert.All(results, r => Assert.EndsWith(" True False", r, StringComparison.Ordinal));
        Assert.Equal(CursiveOracle.KeyTypes.Length * CursiveOracle.HashMethods.Length, results.Count);
    }

    [Fact]
    public async Task SignaturesMadeByNovaImageVerifyInCursiveForEveryKeyTypeAndHashMethod()
    {
        await using var data = File.OpenRead(Path.Combine(_directory, "data.bin"));
        foreach (var old in Directory.GetFiles(_directory, "*.nova.sig")) File.Delete(old);
        foreach (var keyType in CursiveOracle.KeyTypes)
        {
            var key = ImageSigningKey.FromPemFile(Path.Combine(_directory, keyType + ".key.pem"));
            Assert.Equal(keyType, key.KeyType);
            foreach (var hash in CursiveOracle.HashMethods)
            {
                data.Position = 0;
                var signed = await new ImageSigning(key, "c0ffee00-0000-4000-8000-000000000001") { HashMethod = hash }.SignAsync(data);
                Assert.Equal(hash, signed.HashMethod);
                Assert.Equal(keyType, signed.KeyType);
                await File.WriteAllBytesAsync(Path.Combine(_directory, $"{keyType}_{hash}.nova.sig"), Convert.FromBase64String(signed.Signature));
            }
        }

        // One signature spoiled on purpose: the oracle must be able to say no.
        var spoiled = Path.Combine(_directory, "RSA-PSS_SHA-256.nova.sig");
        var bytes = await File.ReadAllBytesAsync(spoiled);
        bytes[10] ^= 0x40;
        await File.WriteAllBytesAsync(spoiled, bytes);

        var verdicts = CursiveOracle.Verify(_directory);

        Assert.Equal(CursiveOracle.KeyTypes.Length * CursiveOracle.HashMethods.Length, verdicts.Count);
        Assert.False(verdicts["RSA-PSS SHA-256"]);
        Assert.All(verdicts.Where(v => v.Key != "RSA-PSS SHA-256"), v => Assert.True(v.Value, v.Key));
    }

    [Fact]
    public async Task AnRsaPssSignatureWithADigestLengthSaltIsRefusedAsCursiveRefusesIt()
    {
        // .NET's own RSA-PSS signs with a salt as long as the hash; cursive (and so Glance and Nova) verify with the
        // maximum salt length only. NovaImage must agree with them, not with .NET's default.
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(_directory, "RSA-PSS.key.pem")));
        var data = await File.ReadAllBytesAsync(Path.Combine(_directory, "data.bin"));
        var digestSalted = rsa.SignData(data, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pss);

        var check = await PrepareAsync("RSA-PSS", "SHA-256", Convert.ToBase64String(digestSalted));

        Assert.False(Verifies(check, data));
    }

    [Theory]
    [InlineData("RSA-PSS", "ECC_SECP384R1")]
    [InlineData("ECC_SECP384R1", "DSA")]
    [InlineData("DSA", "RSA-PSS")]
    public async Task ACertificateWhoseKeyIsNotOfTheNamedKeyTypeIsRefusedBeforeAnyData(string certificateOf, string namedKeyType)
    {
        var source = new DirectoryCertificateSource(_directory);
        var policy = new ImageSignaturePolicy(new GlanceOptions(), () => source, TimeProvider.System);
        var image = SignedImage(certificateOf + ".cert", namedKeyType, "SHA-256", Convert.ToBase64String(new byte[64]));

        var error = await Assert.ThrowsAsync<ImageSignatureException>(() => policy.PrepareAsync(image, new DownloadOptions { VerifySignature = true }, null, default));

        Assert.Contains($"Invalid public key type for signature key type {namedKeyType}", error.Message, StringComparison.Ordinal);
        Assert.Equal(certificateOf + ".cert", error.CertificateId);
        Assert.Equal(image.Id, error.ImageId);
    }

    private async Task<ImageSignatureCheck> PrepareAsync(string keyType, string hash, string signature)
    {
        var source = new DirectoryCertificateSource(_directory);
        var policy = new ImageSignaturePolicy(new GlanceOptions(), () => source, TimeProvider.System);
        var check = await policy.PrepareAsync(SignedImage(keyType + ".cert", keyType, hash, signature), new DownloadOptions { VerifySignature = true }, null, default);
        return Assert.IsType<ImageSignatureCheck>(check);
    }

    private static Image SignedImage(string certificateId, string keyType, string hash, string signature) => new()
    {
        Id = "5a1e0000-0000-4000-8000-000000000001",
        Properties = new Dictionary<string, string?>
        {
            ["img_signature"] = signature,
            ["img_signature_hash_method"] = hash,
            ["img_signature_key_type"] = keyType,
            ["img_signature_certificate_uuid"] = certificateId,
        },
    };

    private static bool Verifies(ImageSignatureCheck check, byte[] data)
    {
        using var pass = check.CreateDataCheck();
        pass.Append(data);
        try
        {
            pass.Complete("test", new GlanceErrorContext());
            return true;
        }
        catch (ImageSignatureException)
        {
            return false;
        }
    }
}
