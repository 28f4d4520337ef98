using System.Text;

namespace NovaImage.TestSupport.Misbehaving;

/// <summary>
/// One answer of a <see cref="MisbehavingGlance"/>: a status, a content type, the length it announces, and how the
/// body is written (at once, in a trickle, or generated as it is sent, so a huge body never sits in the test's memory).
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Length">The Content-Length announced.</param>
/// <param name="WriteBody">Writes the body to the connection (each write counted in <see cref="MisbehavingGlance.BytesServed"/>).</param>
public sealed record MisbehavingAnswer(int Status, string ContentType, long Length, Func<Stream, CancellationToken, Task> WriteBody)
{
    /// <summary>A well-behaved JSON answer.</summary>
    public static MisbehavingAnswer Json(string json, int status = 200)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return new(status, "application/json", body.Length, (s, ct) => s.WriteAsync(body, ct).AsTask());
    }

    /// <summary>The JSON, one byte every <paramref name="interval"/>, flushed each time (never stalling for long, never fast).</summary>
    public static MisbehavingAnswer Trickle(string json, TimeSpan interval)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return new(200, "application/json", body.Length, async (s, ct) =>
        {
            for (var i = 0; i < body.Length; i++)
            {
                await s.WriteAsync(body.AsMemory(i, 1), ct);
                await s.FlushAsync(ct);
                await Task.Delay(interval, ct);
            }
        });
    }

    /// <summary>The first <paramref name="sent"/> bytes of the JSON, then nothing until the fake is disposed (the length announces all of it).</summary>
    public static MisbehavingAnswer StallAfter(string json, int sent)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return new(200, "application/json", body.Length, async (s, ct) =>
        {
            await s.WriteAsync(body.AsMemory(0, sent), ct);
            await s.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
    }

    /// <summary>
    /// <paramref name="prefix"/>, then <paramref name="item"/>(i) for i in 0..<paramref name="count"/> joined by commas,
    /// then <paramref name="suffix"/>, generated while sent (e.g. a 100 MB image list).
    /// </summary>
    public static MisbehavingAnswer Repeated(string prefix, Func<int, string> item, int count, string suffix)
    {
        long length = Encoding.UTF8.GetByteCount(prefix) + Encoding.UTF8.GetByteCount(suffix) + Math.Max(0, count - 1);
        for (var i = 0; i < count; i++) length += Encoding.UTF8.GetByteCount(item(i));
        return new(200, "application/json", length, async (s, ct) =>
        {
            await s.WriteAsync(Encoding.UTF8.GetBytes(prefix), ct);
            for (var i = 0; i < count; i++)
            {
                await s.WriteAsync(Encoding.UTF8.GetBytes((i == 0 ? "" : ",") + item(i)), ct);
            }
            await s.WriteAsync(Encoding.UTF8.GetBytes(suffix), ct);
        });
    }
}
