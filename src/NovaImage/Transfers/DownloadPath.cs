namespace NovaImage;

/// <summary>How the bytes of a download were obtained.</summary>
public enum DownloadPath
{
    /// <summary>Streamed from Glance over HTTP.</summary>
    Http,
    /// <summary>Copied directly from the image store by a direct-store adapter.</summary>
    DirectStore,
}
