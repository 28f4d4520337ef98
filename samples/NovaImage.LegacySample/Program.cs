using NovaImage;

// Deliberately legacy code: every line marked NIMG is reported by the NovaImage analyzer.
var options = new GlanceOptions
{
    Host = "glance.example",                     // NIMG0101
    Port = 9393,                                 // NIMG0101
    Protocol = "https",                          // NIMG0101
    ApiVersion = ApiVersion.V1,                  // NIMG0302
    AllowedDirectUrlSchemes = { "file", "rbd" }, // NIMG0401 (rbd: no adapter)
};

var recent = new ImageQuery
{
    ChangesSince = DateTimeOffset.UtcNow.AddDays(-1), // NIMG0301
    IsPublic = true,                                  // NIMG0301
};

var copy = new ImageCreate { Name = "cirros", CopyFrom = new Uri("http://images.example/cirros.img") }; // NIMG0301

Console.WriteLine($"{options.ApiServers.Count} {recent.PageSize} {copy.Name}");
