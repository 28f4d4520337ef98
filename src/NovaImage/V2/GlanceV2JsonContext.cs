using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.V2;

/// <summary>
/// The source-generated JSON metadata for every Glance v2 body (snake_case names, nulls not written, zone-less
/// timestamps read as UTC by <see cref="GlanceTimestampJsonConverter"/>). Used by <see cref="GlanceV2Client"/>'s Refit serializer; no reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(GlanceTimestampJsonConverter)])]
[JsonSerializable(typeof(GlanceVersions))]
[JsonSerializable(typeof(GlanceImage))]
[JsonSerializable(typeof(GlanceImageList))]
[JsonSerializable(typeof(GlanceImageCreate))]
[JsonSerializable(typeof(GlancePatchOperation[]))]
[JsonSerializable(typeof(GlanceImageMember))]
[JsonSerializable(typeof(GlanceImageMemberList))]
[JsonSerializable(typeof(GlanceMemberCreate))]
[JsonSerializable(typeof(GlanceMemberStatusUpdate))]
[JsonSerializable(typeof(GlanceImportRequest))]
[JsonSerializable(typeof(GlanceImportInfo))]
[JsonSerializable(typeof(GlanceStoreList))]
[JsonSerializable(typeof(GlanceUsage))]
[JsonSerializable(typeof(GlanceTask))]
[JsonSerializable(typeof(GlanceTaskList))]
[JsonSerializable(typeof(GlanceTaskCreate))]
[JsonSerializable(typeof(GlanceSchema))]
[JsonSerializable(typeof(GlanceErrorBody))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class GlanceV2JsonContext : JsonSerializerContext;
