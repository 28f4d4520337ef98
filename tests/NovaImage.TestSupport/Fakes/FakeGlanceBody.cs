using System.Text;
using Microsoft.AspNetCore.Http;

namespace NovaImage.TestSupport.Fakes;

/// <summary>
/// A JSON body a <see cref="FakeGlance"/> answers with, sent the way a misbehaving server sends it: at once, one byte
/// at a time, stopping for good after a few bytes, or generated while it is sent (so a 100 MB body never sits in the
/// test's memory). <see cref="Served"/> counts the bytes the server managed to send, so a test can show that the client
/// stopped reading without measuring time or memory.
/// </summary>
public sealed class FakeGlanceBody
{
    private readonly Func<Func<ReadOnlyMemory<byte>, Task>, CancellationToken, Task> _write;
    private long _served;

    private FakeGlanceBody(long length, Func<Func<ReadOnlyMemory<byte>, Task>, CancellationToken, Task> write)
    {
        Length = length;
        _write = write;
    }

    /// <summary>The Content-Length announced (the whole body, even when less is sent).</summary>
    public long Length { get; }

    /// <summary>Body bytes written so far, over every request (a client that stops reading soon stops the writes).</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>The JSON, one byte every <paramref name="interval"/>: never silent for long, never fast.</summary>
    public static FakeGlanceBody Trickle(string json, TimeSpan interval)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return new(body.Length, async (send, ct) =>
        {
            for (var i = 0; i < body.Length; i++)
            {
                await send(body.AsMemory(i, 1));
                await Task.Delay(interval, ct);
            }
        });
    }

    /// <summary>The first <paramref name="sent"/> bytes of the JSON, then nothing, until the client gives up.</summary>
    public static FakeGlanceBody StallAfter(string json, int sent)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return new(body.Length, async (send, ct) =>
        {
            await send(body.AsMemory(0, sent));
            await Task.Delay(Timeout.Infinite, ct);
        });
    }

    /// <summary><paramref name="prefix"/>, the <paramref name="count"/> items <paramref name="item"/>(i) joined by commas, then <paramref name="suffix"/>.</summary>
    public static FakeGlanceBody Repeated(string prefix, Func<int, string> item, int count, string suffix)
    {
        long length = Encoding.UTF8.GetByteCount(prefix) + Encoding.UTF8.GetByteCount(suffix) + Math.Max(0, count - 1);
        for (var i = 0; i < count; i++) length += Encoding.UTF8.GetByteCount(item(i));
        return new(length, async (send, _) =>
        {
            await send(Encoding.UTF8.GetBytes(prefix));
            for (var i = 0; i < count; i++) await send(Encoding.UTF8.GetBytes((i == 0 ? "" : ",") + item(i)));
            await send(Encoding.UTF8.GetBytes(suffix));
        });
    }

    /// <summary>Answers <paramref name="context"/> with 200 and this body (for <see cref="FakeGlance.StartAsync"/>).</summary>
    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "application/json";
        response.ContentLength = Length;
        try
        {
            await _write(async chunk =>
            {
                await response.Body.WriteAsync(chunk, context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                Interlocked.Add(ref _served, chunk.Length);
            }, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (it stopped reading on purpose).
        }
    }
}
