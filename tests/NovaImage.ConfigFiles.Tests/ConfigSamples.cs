namespace NovaImage.ConfigFiles.Tests;

/// <summary>A legacy nova.conf and appsettings.json, read by the scanner tests and rewritten by the migration tests.</summary>
internal static class ConfigSamples
{
    public const string NovaConf = """
        [DEFAULT]
        host = compute-1

        [glance]
        # where Glance listens
        host = glance.example
        port = 9393
        protocol = https
        num_retries = 3
        api_version = 1
        allowed_direct_url_schemes = file, rbd

        [image_file_url]
        filesystems = shared1
        """;

    public const string AppSettings = """
        {
          // Glance client
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Glance": {
            "Host": "glance.example",
            "NumRetries": 2, /* keep */
            "Port": 9393,
            "ApiVersion": "V1",
            "AllowedDirectUrlSchemes": [ "file", "rbd" ],
            "Protocol": "https"
          },
        }
        """;
}
