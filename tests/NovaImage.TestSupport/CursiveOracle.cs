using System.Diagnostics;

namespace NovaImage.TestSupport;

/// <summary>
/// Python's cryptography and cursive (the code Glance and Nova verify signatures with, installed with Debian's
/// Glance), driven through cursive_oracle.py: keys, certificates and signatures made by Python, and cursive's verdict
/// on signatures made by NovaImage.
/// </summary>
public static class CursiveOracle
{
    /// <summary>Every key type cursive registers (RSA-PSS, DSA, the ECC curves of 384 bits and more).</summary>
    public static readonly string[] KeyTypes =
        ["RSA-PSS", "DSA", "ECC_SECP384R1", "ECC_SECP521R1", "ECC_SECT409K1", "ECC_SECT409R1", "ECC_SECT571K1", "ECC_SECT571R1"];

    /// <summary>Every hash method cursive accepts.</summary>
    public static readonly string[] HashMethods = ["SHA-224", "SHA-256", "SHA-384", "SHA-512"];

    /// <summary>
    /// Writes into <paramref name="directory"/> a key (<c>KEYTYPE.key.pem</c>) and self-signed certificate
    /// (<c>KEYTYPE.cert.pem</c>) per key type, <c>data.bin</c>, and Python's signature of it per key type and hash
    /// method (<c>KEYTYPE_HASH.py.sig</c>).
    /// </summary>
    public static void Generate(string directory) => Run("generate", directory);

    /// <summary>cursive's verdict on every <c>KEYTYPE_HASH.nova.sig</c> in <paramref name="directory"/>, by "KEYTYPE HASH".</summary>
    public static IReadOnlyDictionary<string, bool> Verify(string directory) =>
        Run("verify", directory).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => $"{parts[0]} {parts[1]}", parts => parts[2] == "VALID");

    private static string Run(string mode, string directory)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "cursive_oracle.py");
        // Debian's interpreter: the OpenStack libraries are installed for it, not for a pyenv python3 on the PATH.
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, mode, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"cursive_oracle.py {mode} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }
}
