using System.Text.Json.Serialization;

namespace NovaImage.V1;

/// <summary>Source-generated System.Text.Json metadata for every JSON body of Glance v1 (no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(V1ImageList))]
[JsonSerializable(typeof(V1ImageEnvelope))]
[JsonSerializable(typeof(V1MemberList))]
[JsonSerializable(typeof(V1MembershipsRequest))]
[JsonSerializable(typeof(V1MemberRequest))]
[JsonSerializable(typeof(V1SharedImageList))]
[JsonSerializable(typeof(V1VersionsDocument))]
internal sealed partial class GlanceV1JsonContext : JsonSerializerContext;
