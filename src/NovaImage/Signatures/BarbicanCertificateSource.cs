using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using NovaImage.Keystone;

namespace NovaImage.Signatures;

/// <summary>
/// Signing certificates from Barbican, as castellan reads them for Glance and Nova: the <c>key-manager</c> endpoint
/// from the client's Keystone catalog, the client's own token, the secret's metadata (it must be a
/// <c>certificate</c> secret) and its payload as <c>application/octet-stream</c> (the PEM, or DER). A 401 renews the
/// token once; 404 and 403 are "not found" and "not allowed" for this project. Answers are bounded (a certificate is
/// small), and nothing from them reaches a message unescaped.
/// </summary>
internal sealed class BarbicanCertificateSource(HttpClient http, IKeystoneSession keystone, IReadOnlyList<string> interfaces, string? region) : ICertificateSource
{
    private const int MaxAnswerSize = 64 * 1024;

    public async ValueTask<X509Certificate2> GetCertificateAsync(string certificateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificateId);
        if (!Guid.TryParse(certificateId, out _))
            throw new CertificateNotFoundException(certificateId, $"'{CertificateIds.Printable(certificateId)}' is not a Barbican secret uuid");

        var endpoints = await keystone.GetEndpointsAsync("key-manager", interfaces, region, cancellationToken).ConfigureAwait(false);
        var secret = new Uri(WithSlash(endpoints[0]), $"v1/secrets/{certificateId}");

        using (var metadata = await GetAsync(secret, "application/json", certificateId, cancellationToken).ConfigureAwait(false))
        {
            using var document = JsonDocument.Parse(metadata);
            var type = document.RootElement.TryGetProperty("secret_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (!string.Equals(type, "certificate", StringComparison.Ordinal))
                throw new CertificateNotFoundException(certificateId, $"Invalid certificate format: Barbican secret {certificateId} at {secret} is not a certificate secret");
        }

        using var payload = await GetAsync(new Uri(secret + "/payload"), "application/octet-stream", certificateId, cancellationToken).ConfigureAwait(false);
        try
        {
            return CertificateData.Load(payload.ToArray());
        }
        catch (CryptographicException ex)
        {
            throw new CertificateNotFoundException(certificateId, $"Barbican secret {certificateId} at {secret} does not hold a PEM or DER X.509 certificate", ex);
        }
    }

    private async Task<MemoryStream> GetAsync(Uri uri, string accept, string certificateId, CancellationToken cancellationToken)
    {
        var token = await keystone.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        for (var renewed = false; ; renewed = true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new GlanceConnectionFailedException($"Cannot reach Barbican at {uri.GetLeftPart(UriPartial.Authority)} for certificate {certificateId}: {ex.Message}",
                    new GlanceErrorContext(Server: uri), ex);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && !renewed)
                {
                    token = await keystone.RenewTokenAsync(token, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotFound)
                    throw new CertificateNotFoundException(certificateId, $"Certificate not found with ID: {certificateId} (Barbican at {uri.GetLeftPart(UriPartial.Authority)})");
                if (!response.IsSuccessStatusCode)
                {
                    throw new CertificateNotFoundException(certificateId,
                        $"Unable to retrieve certificate with ID: {certificateId}: Barbican at {uri.GetLeftPart(UriPartial.Authority)} answered HTTP {(int)response.StatusCode}");
                }

                if (response.Content.Headers.ContentLength is > MaxAnswerSize)
                    throw new CertificateNotFoundException(certificateId, $"Barbican's answer for {certificateId} is larger than a certificate can be ({MaxAnswerSize} bytes)");
                var body = new MemoryStream();
                var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (content.ConfigureAwait(false))
                {
                    var buffer = new byte[16 * 1024];
                    int read;
                    while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        if (body.Length + read > MaxAnswerSize)
                            throw new CertificateNotFoundException(certificateId, $"Barbican's answer for {certificateId} is larger than a certificate can be ({MaxAnswerSize} bytes)");
                        body.Write(buffer, 0, read);
                    }
                }

                body.Position = 0;
                return body;
            }
        }
    }

    private static Uri WithSlash(Uri endpoint) => endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
}
