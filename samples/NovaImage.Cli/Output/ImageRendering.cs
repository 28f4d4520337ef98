using System.Globalization;
using Spectre.Console;
using static NovaImage.Cli.Output.TerminalText;

namespace NovaImage.Cli.Output;

/// <summary>How images and members look for people (the JSON form is the model itself).</summary>
internal static class ImageRendering
{
    public static Table List(IEnumerable<Image> images)
    {
        var table = new Table().AddColumns("ID", "Name", "Status", "Visibility", "Size", "Disk format");
        foreach (var image in images)
            table.AddRow(Cell(image.Id), Cell(image.Name), Cell(Words(image.Status)), Cell(Words(image.Visibility)), Cell(Size(image.Size)), Cell(image.DiskFormat));
        return table;
    }

    public static Table Show(Image image)
    {
        var table = new Table().AddColumns("Field", "Value");
        void Row(string name, string? value) => table.AddRow(Cell(name), Cell(value));
        Row("id", image.Id);
        Row("name", image.Name);
        Row("status", Words(image.Status));
        Row("visibility", Words(image.Visibility));
        Row("owner", image.Owner);
        Row("size", image.Size?.ToString(CultureInfo.InvariantCulture));
        Row("virtual_size", image.VirtualSize?.ToString(CultureInfo.InvariantCulture));
        Row("disk_format", image.DiskFormat);
        Row("container_format", image.ContainerFormat);
        Row("checksum", image.Checksum);
        Row("os_hash_algo", image.OsHashAlgo);
        Row("os_hash_value", image.OsHashValue);
        Row("min_disk", image.MinDisk.ToString(CultureInfo.InvariantCulture));
        Row("min_ram", image.MinRam.ToString(CultureInfo.InvariantCulture));
        Row("protected", image.Protected ? "true" : "false");
        Row("os_hidden", image.OsHidden ? "true" : "false");
        Row("tags", string.Join(", ", image.Tags));
        Row("stores", image.Stores);
        Row("created_at", image.CreatedAt?.ToString("u", CultureInfo.InvariantCulture));
        Row("updated_at", image.UpdatedAt?.ToString("u", CultureInfo.InvariantCulture));
        foreach (var (key, value) in image.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)) Row(key, value);
        return table;
    }

    public static Table Members(IEnumerable<ImageMember> members)
    {
        var table = new Table().AddColumns("Image ID", "Member ID", "Status");
        foreach (var member in members) table.AddRow(Cell(member.ImageId), Cell(member.MemberId), Cell(Words(member.Status)));
        return table;
    }

    /// <summary>Enum values the way Glance spells them (<c>pending_delete</c>, <c>active</c>).</summary>
    public static string Words<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Size(long? bytes) => bytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "";
}
