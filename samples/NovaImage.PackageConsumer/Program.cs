using NovaImage;
using NovaImage.PackageConsumer;

// Proof that the package's generator ran: ConsumerImageApi only implements IImageApi through generated code.
IImageApi? client = (ConsumerImageApi?)null;
Console.WriteLine($"{nameof(ConsumerImageApi)} implements {nameof(IImageApi)}: {client is null && typeof(IImageApi).IsAssignableFrom(typeof(ConsumerImageApi))}");

// Legacy usages the package's analyzer reports (the packaging test expects these warnings).
var legacy = new GlanceOptions
{
    Host = "glance.example.org",
    ApiVersion = ApiVersion.V1,
};
var query = new ImageQuery { IsPublic = true };
Console.WriteLine($"legacy host: {legacy.Host}, v1-only filter: {query.IsPublic}");
