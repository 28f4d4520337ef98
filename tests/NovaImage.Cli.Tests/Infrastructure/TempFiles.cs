using System.Security.Cryptography;

namespace NovaImage.Cli.Tests.Infrastructure;

/// <summary>A per-test temporary directory with helpers for image data.</summary>
internal sealed class TempFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("novaimage-cli-").FullName;

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes <paramref name="size"/> random bytes; returns the path.</summary>
    public string RandomFile(string name, int size)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(size));
        return path;
    }

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public static string Sha512(string path) => Convert.ToHexStringLower(SHA512.HashData(File.ReadAllBytes(path)));

    public static string Md5(string path) => Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(path)));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
