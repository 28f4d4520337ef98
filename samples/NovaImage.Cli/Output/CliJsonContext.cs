using System.Text.Json.Serialization;

namespace NovaImage.Cli.Output;

/// <summary>
/// The JSON the CLI writes with <c>--json</c>: the library's own model, snake_case like Glance's API, enums as
/// strings. Source-generated (no reflection, NativeAOT-safe).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<ApiVersionInfo>))]
[JsonSerializable(typeof(Image))]
[JsonSerializable(typeof(List<Image>))]
[JsonSerializable(typeof(ImageMember))]
[JsonSerializable(typeof(List<ImageMember>))]
[JsonSerializable(typeof(DownloadResult))]
[JsonSerializable(typeof(ActionOutput))]
[JsonSerializable(typeof(List<StoreOutput>))]
[JsonSerializable(typeof(ConfigCheckOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
