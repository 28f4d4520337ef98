using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NovaImage.TestSupport.Misbehaving;

/// <summary>
/// A fake Glance, not a Glance: a minimal HTTP/1.1 server on loopback that answers each request (one per connection)
/// with the <see cref="MisbehavingAnswer"/> its script chooses from the request's method and path, and counts the body
/// bytes it managed to send. For tests of what the client does when a server stalls, trickles or sends too much; the
/// real Glance (<see cref="GlanceServer"/>) is for everything else.
/// </summary>
public sealed class MisbehavingGlance : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string, MisbehavingAnswer> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly List<string> _requests = [];
    private readonly Task _accepting;
    private long _bytesServed;

    private MisbehavingGlance(Func<string, string, MisbehavingAnswer> script)
    {
        _script = script;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>The fake's URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>Body bytes written to clients so far (what the kernel accepted; a client that stops reading stops it).</summary>
    public long BytesServed => Interlocked.Read(ref _bytesServed);

    /// <summary>The requests received, as "METHOD /path?query".</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests) return [.. _requests];
        }
    }

    /// <summary>Starts a fake answering every request by <paramref name="script"/>(method, path and query).</summary>
    public static MisbehavingGlance Start(Func<string, string, MisbehavingAnswer> script) => new(script);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_connections) connections = [.. _connections];
        await Task.WhenAll([_accepting, .. connections]).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_connections) _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var network = client.GetStream();
                var (method, target) = await ReadRequestAsync(network);
                lock (_requests) _requests.Add($"{method} {target}");
                var answer = _script(method, target);
                var head = $"HTTP/1.1 {answer.Status} Fake\r\nContent-Type: {answer.ContentType}\r\nContent-Length: {answer.Length}\r\nConnection: close\r\n\r\n";
                await network.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await answer.WriteBody(new CountingStream(network, this), _stop.Token);
                await network.FlushAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (it stopped reading on purpose) or the fake is being disposed.
            }
        }
    }

    // The request line and headers; a body the client sends is not read (the fake's answers do not depend on it).
    private static async Task<(string Method, string Target)> ReadRequestAsync(NetworkStream network)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await network.ReadAsync(one) == 0) throw new IOException("The client closed the connection before its request ended.");
            head.Append((char)one[0]);
        }
        var parts = head.ToString().Split(' ', 3);
        return (parts[0], parts[1]);
    }

    private sealed class CountingStream(Stream inner, MisbehavingGlance owner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Interlocked.Add(ref owner._bytesServed, buffer.Length);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
