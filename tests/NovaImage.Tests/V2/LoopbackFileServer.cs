using System.Net;
using System.Net.Sockets;

namespace NovaImage.Tests.V2;

/// <summary>
/// A loopback HTTP server that serves one byte array, as the source of a web-download import (the dev Glance
/// allows loopback hosts on any port). Started and stopped by the test itself.
/// </summary>
internal sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _data;
    private readonly Task _loop;
    private int _requests;

    public LoopbackFileServer(byte[] data)
    {
        _data = data;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/image.raw");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Where the data is served.</summary>
    public Uri Url { get; }

    /// <summary>How many requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            using var response = context.Response;
            response.ContentType = "application/octet-stream";
            response.ContentLength64 = _data.Length;
            await response.OutputStream.WriteAsync(_data);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
