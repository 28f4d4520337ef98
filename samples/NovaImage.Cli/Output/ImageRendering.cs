using System.Text.Json.Nodes;

namespace NovaImage.Cli.Output;

/// <summary>How listings of images and members are shown (one image is its Glance document: ImageDocuments).</summary>
internal static class ImageRendering
{
    /// <summary><c>image list</c>: OpenStackClient's columns (ID, Name, Status) and the ones people filter on.</summary>
    public static OutputRows List(IEnumerable<Image> images) => new(
        ["ID", "Name", "Status", "Visibility", "Size", "Disk Format", "Owner"],
        images.Select(image => (IReadOnlyList<JsonNode?>)
            [image.Id, image.Name, Words(image.Status), Words(image.Visibility), image.Size, image.DiskFormat, image.Owner]).ToList());

    /// <summary><c>image member list</c> (and the member an add, accept or reject returns).</summary>
    public static OutputRows Members(IEnumerable<ImageMember> members) => new(
        ["Image ID", "Member ID", "Status"],
        members.Select(member => (IReadOnlyList<JsonNode?>)[member.ImageId, member.MemberId, Words(member.Status)]).ToList());

    /// <summary>Enum values the way Glance spells them (<c>pending_delete</c>, <c>active</c>).</summary>
    public static string Words<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
