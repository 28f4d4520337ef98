using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaImage.Cli.Output;

/// <summary>
/// The JSON the CLI writes with <c>--json</c>: the library's own model, snake_case like Glance's API, enums as
/// strings as Glance spells them (<c>active</c>, <c>direct_store</c>). Source-generated (no reflection, NativeAOT-safe).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [
        typeof(SnakeCaseEnumConverter<ImageStatus>), typeof(SnakeCaseEnumConverter<ImageVisibility>),
        typeof(SnakeCaseEnumConverter<MemberStatus>), typeof(SnakeCaseEnumConverter<DownloadPath>),
        typeof(SnakeCaseEnumConverter<DownloadVerification>)])]
[JsonSerializable(typeof(List<ApiVersionInfo>))]
[JsonSerializable(typeof(ImageMember))]
[JsonSerializable(typeof(List<ImageMember>))]
[JsonSerializable(typeof(DownloadResult))]
[JsonSerializable(typeof(ActionOutput))]
[JsonSerializable(typeof(List<ActionOutput>))]
[JsonSerializable(typeof(List<StoreOutput>))]
[JsonSerializable(typeof(ConfigCheckOutput))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>Enum values as snake_case strings (<c>pending_delete</c>); generic, so NativeAOT-safe.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower)
    where TEnum : struct, Enum;
