using Microsoft.Extensions.DependencyInjection;
using NovaImage;
using NovaImage.PackageConsumer;

// Proof that the package's generator ran: ConsumerImageApi only implements IImageApi through generated code.
Console.WriteLine($"{nameof(ConsumerImageApi)} implements {nameof(IImageApi)}: {typeof(IImageApi).IsAssignableFrom(typeof(ConsumerImageApi))}");

// Legacy usages the package's analyzer reports (the packaging test expects these warnings).
var legacy = new GlanceOptions
{
    Host = "glance.example.org",
    ApiVersion = ApiVersion.V1,
};
var query = new ImageQuery { IsPublic = true };
Console.WriteLine($"legacy host: {legacy.Host}, v1-only filter: {query.IsPublic}");

// With a Glance endpoint (and token) as arguments, the generated client talks to it.
if (args is [var endpoint, var token])
{
    var services = new ServiceCollection();
    services.AddGlanceImageApi<ConsumerImageApi>(options =>
    {
        options.ApiServers = [endpoint];
        options.Token = token;
    });
    await using var provider = services.BuildServiceProvider();
    var versions = await provider.GetRequiredService<ConsumerImageApi>().GetVersionsAsync();
    Console.WriteLine($"current Glance API: {versions.Single(v => v.Status == "CURRENT").Id}");
}
