using System;
using System.Globalization;

namespace NovaImage.ConfigFiles;

/// <summary>
/// Nova's deprecated <c>protocol</c>/<c>host</c>/<c>port</c> as one <c>api_servers</c> entry. The runtime (honouring the
/// options), the migration, the analyzer's suggestion and the code fix all write the entry this one way.
/// </summary>
internal static class ApiServerAddress
{
    /// <summary>Nova's default port when <c>port</c> is not given.</summary>
    public const int DefaultPort = 9292;

    /// <summary>Nova's default scheme when <c>protocol</c> is not given.</summary>
    public const string DefaultProtocol = "http";

    /// <summary><c>protocol://host:port</c> with Nova's defaults (http, 9292); an IPv6 literal host is bracketed.</summary>
    public static string FromLegacyOptions(string? protocol, string host, string? port)
    {
        if (host is null) throw new ArgumentNullException(nameof(host));
        var scheme = string.IsNullOrWhiteSpace(protocol) ? DefaultProtocol : protocol!.Trim().ToLowerInvariant();
        var h = host.Trim();
        if (h.IndexOf(':') >= 0 && !h.StartsWith("[", StringComparison.Ordinal)) h = "[" + h + "]";
        var p = string.IsNullOrWhiteSpace(port) ? DefaultPort.ToString(CultureInfo.InvariantCulture) : port!.Trim();
        return scheme + "://" + h + ":" + p;
    }
}
