namespace NovaImage.Signatures;

/// <summary>Certificate ids come from image properties: anyone who can edit an image chooses them.</summary>
internal static class CertificateIds
{
    /// <summary>Whether <paramref name="id"/> is a plain token (letters, digits, '-', '_', '.'), safe in a file name or a message.</summary>
    public static bool IsPlain(string id) => id.Length is > 0 and <= 255 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary><paramref name="id"/> as it may appear in a message: as is when plain, else percent-encoded.</summary>
    public static string Printable(string id) => IsPlain(id) ? id : Uri.EscapeDataString(id);
}
