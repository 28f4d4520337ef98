namespace NovaImage.TestSupport.V1Server;

/// <summary>Configuration of a <see cref="V1Server"/>; the defaults are Queens' (reference v1.md).</summary>
public sealed record V1ServerOptions
{
    /// <summary>
    /// The versions document of <c>GET /versions</c> (and the 300 answer elsewhere). Default: a v1-only deployment
    /// (v1.1 CURRENT, v1.0 SUPPORTED, as Diablo–Juno advertised). A null <see cref="ApiVersionInfo.Href"/> becomes
    /// <c>{endpoint}/v1/</c>.
    /// </summary>
    public IReadOnlyList<ApiVersionInfo> Versions { get; init; } =
        [new("v1.1", "CURRENT", null), new("v1.0", "SUPPORTED", null)];

    /// <summary>Registry <c>limit_param_default</c>: page size when no <c>limit</c> is given (25).</summary>
    public int LimitParamDefault { get; init; } = 25;

    /// <summary>Registry <c>api_limit_max</c>: the largest page (1000).</summary>
    public int ApiLimitMax { get; init; } = 1000;

    /// <summary><c>max_header_line</c>: the longest request header line, name + ": " + value + CRLF (16384).</summary>
    public int MaxHeaderLine { get; init; } = 16384;

    /// <summary><c>image_property_quota</c> (128; more → 413).</summary>
    public int ImagePropertyQuota { get; init; } = 128;

    /// <summary><c>image_member_quota</c> (128; more → 413).</summary>
    public int ImageMemberQuota { get; init; } = 128;

    /// <summary><c>image_size_cap</c> in bytes (1 TiB).</summary>
    public long ImageSizeCap { get; init; } = 1L << 40;
}
