namespace NovaImage;

/// <summary>Which Glance API major version an <see cref="IImageApi"/> talks to.</summary>
public enum ApiVersion
{
    /// <summary>Read the server's versions document once per endpoint and take the highest CURRENT or SUPPORTED major.</summary>
    Auto = 0,

    /// <summary>Glance API v1 (removed from Glance in Rocky). Only for deployments that still run it.</summary>
    [V1Only("Use ApiVersion.V2 (the default): v1 shares images without member acceptance and was removed from Glance in Rocky.")]
    V1 = 1,

    /// <summary>Glance API v2, the default.</summary>
    V2 = 2,
}
