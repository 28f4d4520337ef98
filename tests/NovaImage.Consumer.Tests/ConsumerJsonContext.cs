using System.Text.Json.Serialization;

namespace NovaImage.Consumer.Tests;

/// <summary>This project's Glance models, named by <see cref="IImageTasksApi"/>'s <c>JsonContext</c>.</summary>
[JsonSerializable(typeof(ImageTaskList))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class ConsumerJsonContext : JsonSerializerContext;
