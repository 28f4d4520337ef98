using System.Globalization;
using System.Text;
using NovaImage.V1;

namespace NovaImage.Benchmarks;

/// <summary>Image records shaped as Glance Zed sends them (the fields and properties of a typical cloud image).</summary>
internal static class SampleData
{
    public static string ImageId(int i) => $"6f1c{i:x4}-1b2c-4d3e-8f40-{i:x12}";

    /// <summary>A v2 list page of <paramref name="count"/> images with its links, as <c>GET /v2/images</c> returns it.</summary>
    public static string ImageListPage(int count)
    {
        var json = new StringBuilder("{\"images\": [");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) json.Append(", ");
            json.Append(V2Image(i));
        }
        json.Append("], \"first\": \"/v2/images?limit=1000\", \"schema\": \"/v2/schemas/images\", ")
            .Append(CultureInfo.InvariantCulture, $"\"next\": \"/v2/images?limit=1000&marker={ImageId(count - 1)}\"}}");
        return json.ToString();
    }

    /// <summary>One v2 image record (<c>GET /v2/images/{id}</c>).</summary>
    public static string V2Image(int i)
    {
        var id = ImageId(i);
        return $$"""
            {"name": "ubuntu-24.04-server-cloudimg-amd64-{{i}}", "disk_format": "qcow2", "container_format": "bare", "visibility": "shared",
             "size": 612368384, "virtual_size": 3758096384, "status": "active", "checksum": "b7c2d8a7e3d8f4c4a3f0e1d2c3b4a5f6",
             "protected": false, "min_ram": 512, "min_disk": 4, "owner": "1111111111111111111111111111111{{i % 10}}", "os_hidden": false,
             "os_hash_algo": "sha512",
             "os_hash_value": "9c0b1a3e5f7d9b2c4e6a8f0d2b4c6e8a0f2d4b6c8e0a2d4f6b8c0e2a4d6f8b0c2e4a6d8f0b2c4e6a8d0f2b4c6e8a0d2f4b6c8e0a2d4f6b8c0e2a4d6f8b0c2e4",
             "id": "{{id}}", "created_at": "2026-11-02T10:{{i % 60:00}}:00Z", "updated_at": "2026-11-02T10:{{i % 60:00}}:05Z",
             "os_distro": "ubuntu", "os_version": "24.04", "architecture": "x86_64", "hw_disk_bus": "scsi", "hw_scsi_model": "virtio-scsi",
             "hw_qemu_guest_agent": "yes", "os_require_quiesce": "yes", "description": "Ubuntu Server 24.04 LTS (Noble Numbat), daily build",
             "tags": ["ubuntu", "lts"], "self": "/v2/images/{{id}}", "file": "/v2/images/{{id}}/file", "schema": "/v2/schemas/image",
             "stores": "fs1", "direct_url": "file:///var/lib/glance/images/{{id}}",
             "locations": [{"url": "file:///var/lib/glance/images/{{id}}", "metadata": {"id": "glance-fs1", "mountpoint": "/var/lib/glance/images", "store": "fs1"} }]}
            """;
    }

    /// <summary>The headers of a v1 <c>HEAD /v1/images/{id}</c> for the same image.</summary>
    public static KeyValuePair<string, string>[] V1Headers(int i) =>
    [
        new("x-image-meta-id", ImageId(i)),
        new("x-image-meta-name", $"ubuntu-24.04-server-cloudimg-amd64-{i}"),
        new("x-image-meta-status", "active"),
        new("x-image-meta-size", "612368384"),
        new("x-image-meta-virtual_size", "3758096384"),
        new("x-image-meta-disk_format", "qcow2"),
        new("x-image-meta-container_format", "bare"),
        new("x-image-meta-min_disk", "4"),
        new("x-image-meta-min_ram", "512"),
        new("x-image-meta-is_public", "False"),
        new("x-image-meta-protected", "False"),
        new("x-image-meta-checksum", "b7c2d8a7e3d8f4c4a3f0e1d2c3b4a5f6"),
        new("x-image-meta-owner", "11111111111111111111111111111111"),
        new("x-image-meta-created_at", "2026-11-02T10:00:00.000000"),
        new("x-image-meta-updated_at", "2026-11-02T10:00:05.000000"),
        new("x-image-meta-deleted", "False"),
        new("x-image-meta-property-os_distro", "ubuntu"),
        new("x-image-meta-property-os_version", "24.04"),
        new("x-image-meta-property-architecture", "x86_64"),
        new("x-image-meta-property-hw_disk_bus", "scsi"),
        new("x-image-meta-property-hw_scsi_model", "virtio-scsi"),
        new("x-image-meta-property-hw_qemu_guest_agent", "yes"),
        new("x-image-meta-property-os_require_quiesce", "yes"),
        new("x-image-meta-property-description", "Ubuntu Server 24.04 LTS (Noble Numbat), daily build"),
        new("etag", "\"b7c2d8a7e3d8f4c4a3f0e1d2c3b4a5f6\""),
    ];

    /// <summary>What a caller creates: the same image's fields and properties.</summary>
    public static ImageCreate Create() => new()
    {
        Name = "ubuntu-24.04-server-cloudimg-amd64",
        DiskFormat = "qcow2",
        ContainerFormat = "bare",
        Visibility = ImageVisibility.Private,
        MinDisk = 4,
        MinRam = 512,
        Protected = false,
        Properties = new Dictionary<string, string>
        {
            ["os_distro"] = "ubuntu", ["os_version"] = "24.04", ["architecture"] = "x86_64", ["hw_disk_bus"] = "scsi",
            ["hw_scsi_model"] = "virtio-scsi", ["hw_qemu_guest_agent"] = "yes", ["os_require_quiesce"] = "yes",
            ["description"] = "Ubuntu Server 24.04 LTS (Noble Numbat), daily build",
        },
    };

    /// <summary>The v1 metadata decoded from <see cref="V1Headers"/>.</summary>
    public static V1ImageMetadata V1Metadata(int i) => V1MetadataCodec.Decode(V1Headers(i));
}
