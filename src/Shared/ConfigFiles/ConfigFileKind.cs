namespace NovaImage.ConfigFiles;

/// <summary>The two configuration file formats NovaImage reads.</summary>
internal enum ConfigFileKind
{
    /// <summary>A nova.conf-style INI file: <c>[glance]</c> with Nova's key names.</summary>
    NovaConf,

    /// <summary>An <c>appsettings*.json</c> file: the <c>Glance</c> section with <c>GlanceOptions</c> property names.</summary>
    AppSettingsJson,
}
