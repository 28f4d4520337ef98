using System.Globalization;
using System.Net.Http.Headers;

namespace NovaImage.V1;

/// <summary>
/// Encodes <see cref="V1ImageMetadata"/> as Glance v1 request headers and decodes it from response headers,
/// following the v1 reference (§3): <c>x-image-meta-&lt;field&gt;</c> for core fields and
/// <c>x-image-meta-property-&lt;key&gt;</c> for custom properties; booleans <c>True</c>/<c>False</c> out and
/// lenient in; decimal integers; <c>None</c> for an unknown virtual size; naive UTC timestamps
/// (<c>2016-03-15T15:09:07.000000</c>); an empty value means null; names are matched case-insensitively.
/// </summary>
/// <remarks>
/// Encoding refuses, before anything is sent, every value that would not arrive intact:
/// property keys that are not lower-case header tokens without <c>-</c> (the server lower-cases names and turns
/// <c>-</c> into <c>_</c>; <c>:</c>, spaces and <c>/</c> cannot be in a header name), values with control or
/// non-ASCII characters (the reference recommends ASCII only: a Python 3 server reads headers as Latin-1 and
/// never percent-decodes), empty values or values with leading/trailing blanks (HTTP trims them; the server reads
/// an empty value as null), timestamps finer than a microsecond, and header lines longer than the server's
/// <c>max_header_line</c>. The error is a <see cref="HeaderEncodingException"/> naming the field and the reason.
/// </remarks>
internal static class V1MetadataCodec
{
    /// <summary>Prefix of the core metadata headers.</summary>
    public const string MetaPrefix = "x-image-meta-";
    /// <summary>Prefix of the custom property headers.</summary>
    public const string PropertyPrefix = "x-image-meta-property-";
    /// <summary>Request header asking the server to fetch the image data from a URL (create only, asynchronous).</summary>
    public const string CopyFromHeader = "x-glance-api-copy-from";
    /// <summary>Request header of an update: <c>true</c> (also the server's default when absent) removes every property not sent.</summary>
    public const string PurgePropertiesHeader = "x-glance-registry-purge-props";
    /// <summary>The default <c>max_header_line</c> of a Glance v1 server (bytes per header line).</summary>
    public const int DefaultMaxHeaderLine = 16384;

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";
    private static readonly string[] TimestampInputFormats =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
    private const string PropertyKeyPunctuation = "!#$%&'*+.^_`|~";

    /// <summary>
    /// Encodes every non-null field of <paramref name="metadata"/> (and every property) as request headers,
    /// named in lower case. Throws <see cref="HeaderEncodingException"/> for the first value that cannot travel.
    /// </summary>
    /// <param name="metadata">The fields to send.</param>
    /// <param name="imageId">The image concerned, for the error (defaults to <see cref="V1ImageMetadata.Id"/>).</param>
    /// <param name="maxHeaderLine">The server's <c>max_header_line</c>: the longest header line (name, <c>": "</c>, value and CRLF) it accepts.</param>
    public static Dictionary<string, string> Encode(V1ImageMetadata metadata, string? imageId = null, int maxHeaderLine = DefaultMaxHeaderLine)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        imageId ??= metadata.Id;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string field, string? value)
        {
            if (value is null) return;
            var name = MetaPrefix + field;
            CheckValue($"field '{field}'", name, value, imageId, maxHeaderLine);
            headers.Add(name, value);
        }

        Add("id", metadata.Id);
        Add("name", metadata.Name);
        Add("status", metadata.Status);
        Add("size", FormatInteger(metadata.Size));
        Add("virtual_size", FormatInteger(metadata.VirtualSize));
        Add("disk_format", metadata.DiskFormat);
        Add("container_format", metadata.ContainerFormat);
        Add("min_disk", FormatInteger(metadata.MinDisk));
        Add("min_ram", FormatInteger(metadata.MinRam));
        Add("is_public", metadata.IsPublic is { } isPublic ? FormatBoolean(isPublic) : null);
        Add("protected", metadata.Protected is { } isProtected ? FormatBoolean(isProtected) : null);
        Add("checksum", metadata.Checksum);
        Add("owner", metadata.Owner);
        Add("created_at", FormatTimestamp("created_at", metadata.CreatedAt, imageId));
        Add("updated_at", FormatTimestamp("updated_at", metadata.UpdatedAt, imageId));
        Add("deleted_at", FormatTimestamp("deleted_at", metadata.DeletedAt, imageId));
        Add("deleted", metadata.Deleted is { } deleted ? FormatBoolean(deleted) : null);
        Add("location", metadata.Location);
        Add("store", metadata.Store);

        foreach (var (key, value) in metadata.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            CheckPropertyKey(key, imageId);
            var name = PropertyPrefix + key;
            // A null property travels as an empty header, which the server stores as null.
            if (value is not null) CheckValue($"property '{key}'", name, value, imageId, maxHeaderLine);
            else CheckLineLength($"property '{key}'", name, "", imageId, maxHeaderLine);
            headers.Add(name, value ?? "");
        }
        return headers;
    }

    /// <summary>Decodes the metadata headers of a v1 HEAD/GET/POST/PUT response (checksum falls back to <c>ETag</c>).</summary>
    public static V1ImageMetadata Decode(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Decode(response.Headers, response.Content?.Headers);
    }

    /// <summary>Decodes metadata from response headers (as exposed by Refit's <c>IApiResponse</c>).</summary>
    public static V1ImageMetadata Decode(HttpResponseHeaders headers, HttpContentHeaders? contentHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var pairs = headers.NonValidated.Select(h => KeyValuePair.Create(h.Key, h.Value.FirstOrDefault() ?? ""));
        if (contentHeaders is not null)
            pairs = pairs.Concat(contentHeaders.NonValidated.Select(h => KeyValuePair.Create(h.Key, h.Value.FirstOrDefault() ?? "")));
        return Decode(pairs);
    }

    /// <summary>
    /// Decodes metadata from header name/value pairs. Names are matched case-insensitively; property keys are
    /// lower-cased with <c>-</c> read as <c>_</c>, as the server stores them; unknown core fields are ignored.
    /// Throws <see cref="GlanceServerException"/> when the server sent a value of the wrong type.
    /// </summary>
    public static V1ImageMetadata Decode(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var core = new Dictionary<string, string?>(StringComparer.Ordinal);
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? etag = null;
        foreach (var (rawName, rawValue) in headers)
        {
            var name = rawName.ToLowerInvariant();
            var value = rawValue.Trim();
            if (name.StartsWith(PropertyPrefix, StringComparison.Ordinal))
                properties[name[PropertyPrefix.Length..].Replace('-', '_')] = value.Length == 0 ? null : value;
            else if (name.StartsWith(MetaPrefix, StringComparison.Ordinal))
                core[name[MetaPrefix.Length..].Replace('-', '_')] = value.Length == 0 ? null : value;
            else if (name == "etag")
                etag = UnquoteETag(value);
        }

        var imageId = core.GetValueOrDefault("id");
        string? Text(string field) => core.GetValueOrDefault(field);
        long? Long(string field) => Parse(field, static (string s, out long v) =>
            long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));
        int? Int(string field) => Parse(field, static (string s, out int v) =>
            int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));
        bool? Bool(string field) => Text(field) is { } s ? ParseBoolean(s) : null;
        DateTimeOffset? Time(string field) => Parse(field, static (string s, out DateTimeOffset v) => TryParseTimestamp(s, out v));
        T? Parse<T>(string field, TryParser<T> parser) where T : struct
        {
            if (Text(field) is not { } s) return null;
            if (field == "virtual_size" && s == "None") return null;
            return parser(s, out var value)
                ? value
                : throw new GlanceServerException(
                    $"Glance v1 sent an unreadable {MetaPrefix}{field} header '{s}'", new GlanceErrorContext(ImageId: imageId));
        }

        return new V1ImageMetadata
        {
            Id = imageId,
            Name = Text("name"),
            Status = Text("status"),
            Size = Long("size"),
            VirtualSize = Long("virtual_size"),
            DiskFormat = Text("disk_format"),
            ContainerFormat = Text("container_format"),
            MinDisk = Int("min_disk"),
            MinRam = Int("min_ram"),
            IsPublic = Bool("is_public"),
            Protected = Bool("protected"),
            Checksum = Text("checksum") ?? etag,
            Owner = Text("owner"),
            CreatedAt = Time("created_at"),
            UpdatedAt = Time("updated_at"),
            DeletedAt = Time("deleted_at"),
            Deleted = Bool("deleted"),
            Location = Text("location"),
            Store = Text("store"),
            Properties = properties,
        };
    }

    /// <summary>Formats a boolean as a v1 server does (<c>True</c>/<c>False</c>); servers read it leniently.</summary>
    public static string FormatBoolean(bool value) => value ? "True" : "False";

    /// <summary>Reads a boolean as a v1 server does: <c>true 1 yes on y t</c> (any case) are true, anything else false.</summary>
    public static bool ParseBoolean(string value) =>
        value.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on" or "y" or "t";

    /// <summary>Formats an instant as a v1 timestamp: UTC without zone, six fractional digits.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a v1 timestamp. Accepts ISO-8601 with <c>T</c> or a space, with or without fractional seconds;
    /// a time without zone is UTC (as Glance writes them); an explicit offset is honoured.
    /// </summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text?.Trim(), TimestampInputFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>
    /// Checks that <paramref name="key"/> can be sent as <c>x-image-meta-property-&lt;key&gt;</c> and comes back
    /// unchanged; throws <see cref="HeaderEncodingException"/> naming the key and the reason otherwise.
    /// </summary>
    public static void CheckPropertyKey(string key, string? imageId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        string? reason = null;
        if (key.Length == 0) reason = "the key is empty";
        else if (IndexOf(key, c => !IsPropertyKeyChar(c)) is >= 0 and var at)
        {
            reason = key[at] switch
            {
                '-' => $"Glance v1 turns '-' in header names into '_', so the property would come back as '{key.Replace('-', '_').ToLowerInvariant()}'",
                >= 'A' and <= 'Z' => $"Glance v1 lower-cases header names, so the property would come back as '{key.ToLowerInvariant().Replace('-', '_')}'",
                var bad => $"{Describe(bad)} cannot be part of an HTTP header name (only lower-case letters, digits and {PropertyKeyPunctuation} can)",
            };
        }
        if (reason is not null) throw Refuse($"property '{key}'", reason, imageId);
    }

    private static int IndexOf(string text, Func<char, bool> predicate)
    {
        for (var i = 0; i < text.Length; i++)
            if (predicate(text[i])) return i;
        return -1;
    }

    private static bool IsPropertyKeyChar(char c) =>
        c is >= 'a' and <= 'z' or >= '0' and <= '9' || PropertyKeyPunctuation.Contains(c);

    private static void CheckValue(string what, string headerName, string value, string? imageId, int maxHeaderLine)
    {
        string? reason = null;
        if (value.Length == 0)
            reason = "the value is empty, which Glance v1 reads as null (send null to mean null)";
        else if (IndexOf(value, c => c is < ' ' or > '~') is >= 0 and var at && value[at] is var bad)
            reason = bad > '~' && !char.IsControl(bad)
                ? $"the value contains the non-ASCII character {Describe(bad)}, which cannot travel in a Glance v1 header "
                  + "(the server reads headers as Latin-1 and never percent-decodes; the reference recommends ASCII only; use Glance v2 for such values)"
                : $"the value contains the control character {Describe(bad)}, which cannot travel in an HTTP header";
        else if (value[0] == ' ' || value[^1] == ' ')
            reason = "the value starts or ends with a space, which HTTP strips from header values";
        if (reason is not null) throw Refuse(what, reason, imageId);
        CheckLineLength(what, headerName, value, imageId, maxHeaderLine);
    }

    private static void CheckLineLength(string what, string headerName, string value, string? imageId, int maxHeaderLine)
    {
        var line = headerName.Length + 2 + value.Length + 2;
        if (line > maxHeaderLine)
            throw Refuse(what, $"the header line would be {line} bytes, over the server's max_header_line of {maxHeaderLine}", imageId);
    }

    private static string? FormatInteger(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? FormatTimestamp(string field, DateTimeOffset? value, string? imageId)
    {
        if (value is not { } v) return null;
        if (v.UtcTicks % 10 != 0)
            throw Refuse($"field '{field}'", $"{v:O} is more precise than the microseconds a Glance v1 timestamp carries", imageId);
        return FormatTimestamp(v);
    }

    private static string UnquoteETag(string value)
    {
        var tag = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        return tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"' ? tag[1..^1] : tag;
    }

    private static string Describe(char c) => char.IsControl(c) || char.IsSurrogate(c) || c == ' ' ? $"U+{(int)c:X4}" : $"'{c}' (U+{(int)c:X4})";

    private static HeaderEncodingException Refuse(string what, string reason, string? imageId) =>
        new($"Cannot send {what} to Glance v1: {reason}. Nothing was sent", new GlanceErrorContext(ImageId: imageId));

    private delegate bool TryParser<T>(string text, out T value);
}
