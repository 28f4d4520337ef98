namespace NovaImage.TestSupport.V1Server;

/// <summary>Faults a test can switch on while the server runs (for download verification and retry tests).</summary>
public sealed class V1ServerFaults
{
    /// <summary>
    /// When set, image downloads send this many bytes (with the full Content-Length) and then abort the
    /// connection, as a v1 server does when its store delivers less data than the image size (§7).
    /// </summary>
    public long? TruncateDownloadsAfter { get; set; }
}
