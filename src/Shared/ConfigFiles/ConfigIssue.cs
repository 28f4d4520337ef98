namespace NovaImage.ConfigFiles;

/// <summary>What a <see cref="ConfigFinding"/> is about.</summary>
internal enum ConfigIssue
{
    /// <summary>A deprecated <c>host</c>, <c>port</c> or <c>protocol</c> option (replaced by <c>api_servers</c>).</summary>
    DeprecatedOption,

    /// <summary>Glance API v1 is selected (<c>api_version = 1</c>, <c>use_glance_v1 = true</c>, <c>"ApiVersion": "1"</c>).</summary>
    V1ApiVersion,

    /// <summary>One scheme listed in <c>allowed_direct_url_schemes</c>; whether an adapter serves it is for the caller to decide.</summary>
    DirectUrlScheme,
}
