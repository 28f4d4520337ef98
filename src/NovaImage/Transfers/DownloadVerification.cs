namespace NovaImage;

/// <summary>
/// What a finished download's data was checked against, from the weakest to the strongest check. Only
/// <see cref="Md5"/> and <see cref="Multihash"/> prove that the bytes are the image's: a size alone catches a
/// truncated transfer, not altered data.
/// </summary>
public enum DownloadVerification
{
    /// <summary>Nothing: the image declares neither a size nor a hash.</summary>
    Nothing,
    /// <summary>Only the size: the image has no checksum and no multihash (and the server sent no Content-MD5).</summary>
    SizeOnly,
    /// <summary>The md5 <c>checksum</c> (and the size, when known); no usable multihash.</summary>
    Md5,
    /// <summary>The multihash (<c>os_hash_algo</c>/<c>os_hash_value</c>), and the md5 unless skipped (and the size, when known).</summary>
    Multihash,
}
