namespace NovaImage;

/// <summary>
/// Client configuration, bound from an <c>appsettings.json</c> section or from nova.conf's <c>[glance]</c>
/// (Nova's key names: <c>api_servers</c>, <c>num_retries</c>, ...) and <c>[image_file_url]</c> sections.
/// </summary>
public sealed class GlanceOptions
{
    /// <summary>The configuration section read by default (appsettings.json).</summary>
    public const string SectionName = "Glance";

    /// <summary>The default of <see cref="MaxResponseSize"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseSize = 16 * 1024 * 1024;

    /// <summary>The stall timeout when neither <see cref="StallTimeout"/> nor <see cref="Timeout"/> is set.</summary>
    internal static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Glance endpoints (<c>api_servers</c>): with or without scheme (default http), IPv6 in brackets, path prefixes
    /// kept. The token is sent only to these origins: redirects are not followed (a redirect answer is a
    /// <see cref="GlanceServerException"/> naming the image, the server, the status and the target origin) and list
    /// links naming another origin are refused. An entry with a user name or password is refused at start (Glance does
    /// not use them), and the message does not repeat them.
    /// </summary>
    public IList<string> ApiServers { get; set; } = [];

    /// <summary>Which API version to use (<c>api_version</c>): 2 (default), 1, or Auto.</summary>
    public ApiVersion ApiVersion { get; set; } = ApiVersion.V2;

    /// <summary>Extra attempts after the first for connection failures, timeouts and 503 (<c>num_retries</c>, default 3).</summary>
    public int NumRetries { get; set; } = 3;

    /// <summary>Per-request timeout (<c>timeout</c>, seconds in nova.conf); null means the HttpClient default.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// How long one read of a response body (metadata or image data) may wait for a byte (<c>stall_timeout</c> in
    /// seconds, not a Nova option); when null, <see cref="Timeout"/> (Nova's <c>timeout</c> is glanceclient's per-read
    /// socket timeout), else 60 s. A stall is transient: the attempt is retried on the next server.
    /// </summary>
    public TimeSpan? StallTimeout { get; set; }

    /// <summary>
    /// The slowest a response body may arrive, in bytes per second averaged over <see cref="TransferRateWindow"/>
    /// (<c>min_transfer_rate</c>, not a Nova option; default 1024; 0 turns it off). Like curl's <c>--speed-limit</c>:
    /// a server that sends one byte every few seconds never trips <see cref="StallTimeout"/>, but trips this. Only time
    /// spent waiting for the server counts. Transient, like a stall.
    /// </summary>
    public long MinTransferRate { get; set; } = 1024;

    /// <summary>The window <see cref="MinTransferRate"/> is measured over (<c>transfer_rate_window</c> in seconds; default 30 s), like curl's <c>--speed-time</c>.</summary>
    public TimeSpan TransferRateWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one call may take, all its attempts and retry pauses included (<c>total_timeout</c> in seconds, not
    /// a Nova option; null, the default, means no limit). Each page of a listing is one call; a download, resumes
    /// included, is one call. Not retried: the call fails with <see cref="GlanceConnectionFailedException"/>.
    /// </summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>
    /// The largest metadata answer read, in bytes (<c>max_response_size</c>, not a Nova option; default 16 MiB). A
    /// larger answer fails the call with <see cref="GlanceServerException"/> naming the server, before it is read whole.
    /// Image data is not bounded by it (its size is checked against the image's).
    /// </summary>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>
    /// Pause between attempts (Nova sleeps 1 s; <c>retry_delay</c> in seconds, not a Nova option). Tests against
    /// closed ports set it to zero.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an api server whose attempt just failed (connection failure, timeout, 503) is passed over while
    /// another one is healthy (<c>failed_server_cooldown</c> in seconds, not a Nova option; default 30 s; zero turns
    /// it off). A server that answers again is healthy at once.
    /// </summary>
    public TimeSpan FailedServerCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Skip TLS certificate verification (<c>insecure</c>).</summary>
    public bool Insecure { get; set; }

    /// <summary>CA bundle to trust (<c>cafile</c>).</summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// PEM client certificate presented to Glance for mutual TLS (<c>certfile</c>). It may hold the private key too;
    /// otherwise give <see cref="KeyFile"/>.
    /// </summary>
    public string? CertFile { get; set; }

    /// <summary>PEM private key of <see cref="CertFile"/> (<c>keyfile</c>), when the certificate file does not hold it.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Static token sent as <c>X-Auth-Token</c> (<c>token</c>); visible ASCII only. Ignored when <see cref="TokenProvider"/> is set.</summary>
    public string? Token { get; set; }

    /// <summary>Supplies the token of each request instead of the static <see cref="Token"/> (set in code only).</summary>
    public IGlanceTokenProvider? TokenProvider { get; set; }

    /// <summary>
    /// Keystone v3 authentication and catalog lookup (nova.conf's <c>[glance]</c> keystoneauth options, clouds.yaml,
    /// <c>OS_*</c>); null, the default, means no Keystone: <see cref="Token"/> or <see cref="TokenProvider"/> and
    /// <see cref="ApiServers"/> are used as given. When set, the token comes from Keystone (<see cref="Token"/> and
    /// <see cref="TokenProvider"/> must not be set) and the endpoints from <see cref="ApiServers"/> when given, else
    /// from <see cref="KeystoneAuthOptions.EndpointOverride"/>, else from the service catalog.
    /// </summary>
    public KeystoneAuthOptions? Keystone { get; set; }

    /// <summary>
    /// Verify the signature of every image downloaded (<c>verify_glance_signatures</c>, default false, as in Nova): an
    /// image without the four <c>img_signature*</c> properties, or whose data does not match them, fails with
    /// <see cref="ImageSignatureException"/> and nothing is written. <see cref="DownloadOptions.VerifySignature"/>
    /// overrides it per download. See docs/signatures.md.
    /// </summary>
    public bool VerifyGlanceSignatures { get; set; }

    /// <summary>
    /// Also require the signing certificate to chain to trusted certificates (<c>enable_certificate_validation</c>,
    /// default false): those of the download (<see cref="DownloadOptions.TrustedCertificateIds"/>), else
    /// <see cref="DefaultTrustedCertificateIds"/>; with neither, a verified download fails, as in Nova.
    /// </summary>
    public bool EnableCertificateValidation { get; set; }

    /// <summary>Trusted certificate ids used when a download gives none (<c>default_trusted_certificate_ids</c>).</summary>
    public IList<string> DefaultTrustedCertificateIds { get; set; } = [];

    /// <summary>
    /// A directory of signing certificates named by id (<c>ID.pem</c>, <c>ID.crt</c> or <c>ID.der</c>), used instead of
    /// Barbican on hosts that cannot reach a key manager (<c>signing_certificate_dir</c>, not a Nova option). When
    /// unset, certificates come from Barbican, found in the Keystone catalog with the client's own credentials.
    /// </summary>
    public string? SigningCertificateDirectory { get; set; }

    /// <summary>
    /// Check the md5 <c>checksum</c> of downloads too when the image has a multihash this platform can compute
    /// (<c>verify_md5</c>, not a Nova option; default false). Off, downloads verify what glanceclient and Nova verify:
    /// the multihash, and the md5 only when there is no usable multihash. A download can override it
    /// (<see cref="DownloadOptions.VerifyMd5"/>).
    /// </summary>
    public bool VerifyMd5 { get; set; }

    /// <summary>
    /// How many ranges of a large image a file download fetches at once (<c>download_parallelism</c>, not a Nova
    /// option; default <see cref="DownloadOptions.DefaultParallelism"/>; 1 means one stream; at least 1). A download
    /// can override it (<see cref="DownloadOptions.Parallelism"/>, which says when ranges apply).
    /// </summary>
    public int DownloadParallelism { get; set; } = DownloadOptions.DefaultParallelism;

    /// <summary>URL schemes that may be read directly from the store (<c>allowed_direct_url_schemes</c>), e.g. <c>file</c>.</summary>
    public IList<string> AllowedDirectUrlSchemes { get; set; } = [];

    /// <summary>
    /// Filesystems this host mounts that back a Glance file store, for direct <c>file</c> downloads (with <c>file</c> in
    /// <see cref="AllowedDirectUrlSchemes"/>). Each entry needs the store's <see cref="ImageFileSystem.Id"/> and this
    /// host's <see cref="ImageFileSystem.Mountpoint"/>. In appsettings.json: <c>"Glance": { "Filesystems": [ { "Name":
    /// "shared1", "Id": "5e8f6a8c-1111", "Mountpoint": "/mnt/glance1" } ] }</c>; in nova.conf:
    /// <c>[image_file_url] filesystems = shared1</c> with <c>[image_file_url:shared1] id = ...</c> and
    /// <c>mountpoint = ...</c>.
    /// </summary>
    public IList<ImageFileSystem> Filesystems { get; set; } = [];

    /// <summary>Deprecated Glance host (<c>host</c>); honoured only when <see cref="ApiServers"/> is empty.</summary>
    [Obsolete("The [glance] host option is deprecated: list full endpoints in ApiServers (api_servers) instead, e.g. \"http://glance.example:9292\".")]
    [DeprecatedGlanceOption("host", "api_servers")]
    public string? Host { get; set; }

    /// <summary>Deprecated Glance port (<c>port</c>); honoured only when <see cref="ApiServers"/> is empty.</summary>
    [Obsolete("The [glance] port option is deprecated: put the port in each ApiServers (api_servers) entry instead.")]
    [DeprecatedGlanceOption("port", "api_servers")]
    public int? Port { get; set; }

    /// <summary>Deprecated Glance protocol (<c>protocol</c>); honoured only when <see cref="ApiServers"/> is empty.</summary>
    [Obsolete("The [glance] protocol option is deprecated: put the scheme in each ApiServers (api_servers) entry instead.")]
    [DeprecatedGlanceOption("protocol", "api_servers")]
    public string? Protocol { get; set; }
}
