using System.Net;
using System.Net.Sockets;

namespace NovaImage.TestSupport;

/// <summary>A dead Glance endpoint: a loopback port nothing listens on, so connecting is refused at once.</summary>
public static class ClosedPort
{
    /// <summary>A fresh closed port's URL (bound, then released: nothing listens on it afterwards).</summary>
    public static Uri Create()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
