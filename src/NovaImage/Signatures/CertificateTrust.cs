using Org.BouncyCastle.X509;

namespace NovaImage.Signatures;

/// <summary>
/// Certificate checks as cursive makes them: the signing certificate must be within its validity dates, and, when
/// certificate validation applies, must chain to a self-signed certificate through trusted certificates only, each of
/// which is within its dates, is a CA allowed to sign certificates (basic constraints and key usage), and allows the
/// path length below it.
/// </summary>
internal static class CertificateTrust
{
    /// <summary>Why <paramref name="certificate"/> is outside its validity dates at <paramref name="now"/>, or null.</summary>
    public static string? DateProblem(X509Certificate certificate, DateTime now)
    {
        if (now < certificate.NotBefore) return $"The certificate is not valid before {certificate.NotBefore:u}";
        if (now > certificate.NotAfter) return $"The certificate expired at {certificate.NotAfter:u}";
        return null;
    }

    /// <summary>
    /// Why <paramref name="certificate"/> does not chain to <paramref name="trusted"/>, or null when it does.
    /// Trusted certificates that cannot sign (outside their dates, not a CA, no keyCertSign) are passed over, as in cursive.
    /// </summary>
    public static string? ChainProblem(X509Certificate certificate, IReadOnlyList<(string Id, X509Certificate Certificate)> trusted, DateTime now)
    {
        var signers = trusted.Where(t => DateProblem(t.Certificate, now) is null && CanSignCertificates(t.Certificate)).ToList();
        var chain = new List<(string Id, X509Certificate Certificate)> { ("the signing certificate", certificate) };
        var signed = certificate;
        while (true)
        {
            var issuer = signers.FirstOrDefault(s => IsIssuer(s.Certificate, signed));
            if (issuer.Certificate is null)
                return $"Certificate chain building failed: no trusted certificate signed {chain[0].Id}";
            if (issuer.Certificate.Equals(signed)) break;       // self-signed and trusted: the root
            if (chain.Any(c => c.Certificate.Equals(issuer.Certificate)))
                return "Certificate chain building failed: the trusted certificates sign each other in a loop";
            chain.Insert(0, issuer);
            signed = issuer.Certificate;
        }

        // Path length: each CA above the signing certificate must allow the intermediates below it (root first).
        for (var i = 0; i < chain.Count - 1; i++)
        {
            var pathLength = chain[i].Certificate.GetBasicConstraints();
            var below = Math.Max(chain.Count - i - 2, 0);
            if (pathLength < below)
                return $"Certificate validation failed: trusted certificate {chain[i].Id} allows a path length of {pathLength}, the chain needs {below}";
        }

        return null;
    }

    private static bool CanSignCertificates(X509Certificate certificate) =>
        certificate.GetBasicConstraints() >= 0 && certificate.GetKeyUsage() is { Length: > 5 } usage && usage[5];

    private static bool IsIssuer(X509Certificate issuer, X509Certificate issued)
    {
        if (!issuer.SubjectDN.Equivalent(issued.IssuerDN)) return false;
        try
        {
            return issued.IsSignatureValid(issuer.GetPublicKey());
        }
        catch (Exception ex) when (ex is Org.BouncyCastle.Security.GeneralSecurityException or Org.BouncyCastle.Crypto.CryptoException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
