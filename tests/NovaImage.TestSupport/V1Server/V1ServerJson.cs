using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NovaImage.TestSupport.V1Server;

/// <summary>The v1 JSON bodies (lists, create/update envelopes, members), written by hand to mirror Glance's dicts.</summary>
internal static class V1ServerJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpResponse response, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        response.StatusCode = status;
        response.ContentType = "application/json; charset=UTF-8";
        response.ContentLength = buffer.Length;
        return response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }

    /// <summary>Detail fields (reference §4): every field, nulls included, <c>properties</c>; never <c>location</c>.</summary>
    public static void WriteDetail(Utf8JsonWriter w, V1ServerImage image)
    {
        w.WriteStartObject();
        w.WriteString("id", image.Id);
        WriteNullable(w, "name", image.Name);
        w.WriteString("status", image.Status);
        w.WriteNumber("size", image.Size);
        if (image.VirtualSize is { } virtualSize) w.WriteNumber("virtual_size", virtualSize); else w.WriteNull("virtual_size");
        WriteNullable(w, "disk_format", image.DiskFormat);
        WriteNullable(w, "container_format", image.ContainerFormat);
        w.WriteNumber("min_disk", image.MinDisk);
        w.WriteNumber("min_ram", image.MinRam);
        w.WriteBoolean("is_public", image.IsPublic);
        WriteNullable(w, "checksum", image.Checksum);
        WriteNullable(w, "owner", image.Owner);
        w.WriteBoolean("protected", image.Protected);
        w.WriteString("created_at", V1MetaHeaders.FormatTime(image.CreatedAt));
        w.WriteString("updated_at", V1MetaHeaders.FormatTime(image.UpdatedAt));
        WriteNullable(w, "deleted_at", image.DeletedAt is { } deletedAt ? V1MetaHeaders.FormatTime(deletedAt) : null);
        w.WriteBoolean("deleted", image.Deleted);
        w.WriteStartObject("properties");
        foreach (var (key, value) in image.Properties) WriteNullable(w, key, value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Brief fields: id, name, size, disk_format, container_format, checksum.</summary>
    public static void WriteBrief(Utf8JsonWriter w, V1ServerImage image)
    {
        w.WriteStartObject();
        w.WriteString("id", image.Id);
        WriteNullable(w, "name", image.Name);
        w.WriteNumber("size", image.Size);
        WriteNullable(w, "disk_format", image.DiskFormat);
        WriteNullable(w, "container_format", image.ContainerFormat);
        WriteNullable(w, "checksum", image.Checksum);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
