using System.Text.Json.Serialization;

namespace NovaImage.TestSupport.V1Server;

/// <summary>The few JSON shapes the server serializes through System.Text.Json (the image bodies are written by hand).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class V1ServerJsonContext : JsonSerializerContext;
