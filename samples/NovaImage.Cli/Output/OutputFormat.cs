namespace NovaImage.Cli.Output;

/// <summary>How a command prints its result (<c>-f</c>), as OpenStackClient's cliff formatters.</summary>
internal enum OutputFormat
{
    /// <summary>A table for people (the default).</summary>
    Table,
    /// <summary>The selected columns as a JSON object (one result) or an array of objects (a listing).</summary>
    Json,
    /// <summary>Values only: one per line (one result) or one row per line, space-separated (a listing).</summary>
    Value,
    /// <summary>The selected columns as YAML, shaped like the JSON.</summary>
    Yaml,
}
