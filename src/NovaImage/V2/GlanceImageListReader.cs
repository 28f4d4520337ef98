using System.Buffers;
using System.Text.Json;

namespace NovaImage.V2;

/// <summary>
/// Reads one page of <c>GET /v2/images</c> from its stream, image by image, keeping no more of the body than the
/// image being parsed, and stopping (without reading the rest) once it holds the images still wanted: a listing
/// whose server ignores <c>limit</c> costs the images asked for, not the page. The <c>images</c> array and the
/// <c>next</c>/<c>first</c>/<c>schema</c> links may come in either order (Glance sends the links after the images).
/// </summary>
internal sealed class GlanceImageListReader
{
    private const int InitialBufferSize = 16 * 1024;

    private readonly int? _wanted;
    private readonly List<GlanceImage> _images = [];
    private JsonReaderState _state;
    private Phase _phase;
    private string? _next;
    private string? _first;
    private string? _schema;

    private GlanceImageListReader(int? wanted) => _wanted = wanted;

    private enum Phase { BeforeDocument, InDocument, InImages, Done }

    /// <summary>
    /// The page in <paramref name="stream"/>, with at most <paramref name="wanted"/> images (all when null); when it
    /// stops early, the links that come after the last image read are not known (the listing is over anyway).
    /// </summary>
    /// <exception cref="JsonException">The body is not a Glance image list, or ends early.</exception>
    public static async Task<GlanceImageList> ReadAsync(Stream stream, int? wanted, CancellationToken cancellationToken)
    {
        var reader = new GlanceImageListReader(wanted);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            int start = 0, end = 0;
            var final = false;
            while (true)
            {
                start += reader.Parse(buffer.AsSpan(start, end - start), final);
                if (reader._phase == Phase.Done) return reader.Result();
                if (final) throw new JsonException($"The image list ended after {reader._images.Count} image(s), before the end of its JSON document.");
                // Keep the unparsed tail (an image not complete yet); grow only when one image fills the whole buffer.
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
                if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0) final = true;
                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private GlanceImageList Result() => new() { Images = _images, Next = _next, First = _first, Schema = _schema };

    // Parses whole units (a token, a property with its value, an image) from data; returns the bytes they used.
    private int Parse(ReadOnlySpan<byte> data, bool final)
    {
        var reader = new Utf8JsonReader(data, final, _state);
        while (_phase != Phase.Done)
        {
            var unitStart = reader;
            if (!Step(ref reader))
            {
                reader = unitStart;
                break;
            }
        }
        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    // One unit; false when data ends inside it (it is parsed again, whole, once more data arrived).
    private bool Step(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) return false;
        switch (_phase)
        {
            case Phase.BeforeDocument:
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"An image list is a JSON object, not {reader.TokenType}.");
                _phase = Phase.InDocument;
                return true;
            case Phase.InDocument:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _phase = Phase.Done;
                    return true;
                }
                return Property(ref reader);
            default:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _phase = Phase.InDocument;
                    return true;
                }
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"An image in the list is a JSON object, not {reader.TokenType}.");
                var complete = reader;
                if (!complete.TrySkip()) return false;
                _images.Add(JsonSerializer.Deserialize(ref reader, GlanceV2JsonContext.Default.GlanceImage)
                    ?? throw new JsonException("An image in the list is null."));
                if (_images.Count == _wanted) _phase = Phase.Done;
                return true;
        }
    }

    // A top-level property and its value (for "images", only the array's start: its images are units of their own).
    private bool Property(ref Utf8JsonReader reader)
    {
        var name = reader.GetString();
        if (!reader.Read()) return false;
        switch (name)
        {
            case "images" when reader.TokenType == JsonTokenType.StartArray:
                _phase = Phase.InImages;
                return true;
            case "images" when reader.TokenType != JsonTokenType.Null:
                throw new JsonException($"The list's images are a JSON array, not {reader.TokenType}.");
            case "next" or "first" or "schema" when reader.TokenType is JsonTokenType.String or JsonTokenType.Null:
                var value = reader.GetString();
                if (name == "next") _next = value;
                else if (name == "first") _first = value;
                else _schema = value;
                return true;
            default:
                return reader.TrySkip();
        }
    }
}
