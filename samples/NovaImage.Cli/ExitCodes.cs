using NovaImage.Cli.Glance;

namespace NovaImage.Cli;

/// <summary>
/// The process exit codes, documented in <c>novaimage --help</c> and the README. Scripts can tell what went wrong
/// without parsing messages.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Any failure not listed below (e.g. Glance answered 409 or 500, or a local file could not be read).</summary>
    public const int Failure = 1;
    /// <summary>Bad command line, option value or configuration, a destination that cannot be written, or a request Glance rejected as invalid (HTTP 400).</summary>
    public const int UsageError = 2;
    /// <summary>The image (or member) does not exist or is not visible.</summary>
    public const int NotFound = 3;
    /// <summary>The token may not do this (HTTP 401/403).</summary>
    public const int NotAuthorized = 4;
    /// <summary>Downloaded data did not match the image's size or hashes; the destination was left unchanged (a device or FIFO holds the unverified data).</summary>
    public const int IntegrityFailure = 5;
    /// <summary>No Glance server could be reached.</summary>
    public const int ConnectionFailure = 6;
    /// <summary><c>config check</c> found deprecated options.</summary>
    public const int DeprecatedConfiguration = 7;
    /// <summary>
    /// The image has no hash to verify its data against (no multihash, no md5 checksum), and <c>--allow-unverified</c>
    /// was not given; nothing was written.
    /// </summary>
    public const int Unverified = 8;
    /// <summary>
    /// The image's signature could not be verified (unsigned with verification on, a certificate missing, expired or not
    /// trusted, or data that does not match the signature); the destination was left unchanged (a device or FIFO holds
    /// the unverified data).
    /// </summary>
    public const int SignatureFailure = 9;
    /// <summary>Interrupted by SIGHUP (the terminal went away); the command was cancelled and cleaned up.</summary>
    public const int Hangup = 129;
    /// <summary>Interrupted by SIGINT (Ctrl+C); the command was cancelled and cleaned up.</summary>
    public const int Cancelled = 130;
    /// <summary>Interrupted by SIGTERM; the command was cancelled and cleaned up.</summary>
    public const int Terminated = 143;

    /// <summary>The text appended to <c>--help</c>.</summary>
    public const string HelpText = """
        Exit codes:
          0  success
          1  other failure (Glance refused the request, a local file could not be read, ...)
          2  usage error (bad command line, option value or configuration, a --file that cannot be written, a
             request Glance rejected as invalid, or an image name several images have)
          3  not found (image or member; an image is named by id or by a name exactly one image has)
          4  not authorized (HTTP 401/403)
          5  integrity failure (downloaded data did not match size or hashes; nothing was written, except to a
             device or FIFO, which then holds the unverified data)
          6  connection failure (no Glance server could be reached)
          7  config check found deprecated options
          8  unverified: the image has no hash to check its data against; nothing was written (--allow-unverified)
          9  signature failure (--verify-signature, --trusted-cert-id or [glance] verify_glance_signatures: the image
             is unsigned, its certificate is missing, expired or not trusted, or its data does not match the
             signature); nothing was written, except to a device or FIFO
          129, 130, 143  interrupted by SIGHUP, SIGINT (Ctrl+C) or SIGTERM; a download leaves nothing behind

        Environment:
          NOVAIMAGE_API_SERVERS  comma-separated Glance endpoints (like --api-server)
          NOVAIMAGE_API_VERSION  1, 2 or auto (like --api-version)
          NOVAIMAGE_CONFIG       nova.conf or appsettings.json (like --config)
          OS_AUTH_TOKEN          token sent as X-Auth-Token (like --token)
          NOVAIMAGE_STALL_TIMEOUT  seconds a server may send nothing (like --stall-timeout)
          NOVAIMAGE_TOTAL_TIMEOUT  seconds a call may take, retries included (like --total-timeout)
          OS_CLOUD, OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, ...  like --os-cloud, --os-auth-url, ... (--os-x-y is OS_X_Y)
        Command-line options win over environment variables, which win over the cloud's clouds.yaml (and
        secure.yaml) and the configuration file.
        """;

    public static int For(Exception exception) => exception switch
    {
        CommandFailureException { InnerException: { } cause } => For(cause),
        UsageException or AmbiguousImageNameException or InvalidImageRequestException or GlanceConfigurationException or InvalidDestinationException => UsageError,
        ImageNotFoundException => NotFound,
        ImageNotAuthorizedException => NotAuthorized,
        ImageIntegrityException => IntegrityFailure,
        ImageNotVerifiableException => Unverified,
        ImageSignatureException => SignatureFailure,
        GlanceConnectionFailedException => ConnectionFailure,
        OperationCanceledException => Cancelled,
        _ => Failure,
    };
}
