using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace NovaImage.Signatures;

/// <summary>The running hash an image signature is checked against, fed the image data in order.</summary>
internal sealed class SignatureDigest : IDisposable
{
    private readonly IncrementalHash? _platform;
    private readonly IDigest? _engine;

    public SignatureDigest(IncrementalHash platform) => _platform = platform;

    public SignatureDigest(IDigest engine) => _engine = engine;

    /// <summary>Adds the next bytes of the image data.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_platform is not null) _platform.AppendData(data);
        else _engine!.BlockUpdate(data);
    }

    /// <summary>The hash of the data appended so far (the digest keeps running).</summary>
    public byte[] Current()
    {
        if (_platform is not null) return _platform.GetCurrentHash();
        var copy = ((Org.BouncyCastle.Utilities.IMemoable)_engine!).Copy();
        var digest = (IDigest)copy;
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }

    public void Dispose() => _platform?.Dispose();
}
