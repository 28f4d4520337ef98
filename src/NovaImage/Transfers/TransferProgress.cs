namespace NovaImage;

/// <summary>Progress of an upload or download.</summary>
/// <param name="BytesTransferred">Bytes moved so far (for a resumed download, counted from the start of the image).</param>
/// <param name="TotalBytes">Expected total, when known.</param>
/// <param name="BytesPerSecond">Average rate since the transfer started.</param>
public readonly record struct TransferProgress(long BytesTransferred, long? TotalBytes, double BytesPerSecond);
