using System.CommandLine;
using System.CommandLine.Parsing;

namespace NovaImage.Cli.Commands;

/// <summary>
/// <c>--sign-key PATH --sign-cert-id UUID [--sign-hash-method M] [--sign-key-password-file PATH]</c>: the options of
/// <c>image create</c> and <c>image sign</c> that say how to sign image data (<c>openstack image create
/// --sign-key-path --sign-cert-id</c>).
/// </summary>
internal sealed class SigningOptions
{
    private readonly Option<FileInfo>? _data;

    private SigningOptions(bool required, Option<FileInfo>? data)
    {
        _data = data;
        Key = new Option<FileInfo>("--sign-key", "--sign-key-path")
        {
            Description = "Sign the data with the private key in this PEM file (RSA signs as RSA-PSS; DSA; EC on SECP384R1/SECP521R1/SECT409*/SECT571*)",
            HelpName = "PATH",
            Required = required,
        };
        CertificateId = new Option<string>("--sign-cert-id")
        {
            Description = "The signing certificate's id in the key manager (Barbican secret uuid): img_signature_certificate_uuid",
            HelpName = "UUID",
            Required = required,
        };
        HashMethod = new Option<string>("--sign-hash-method")
        {
            Description = "img_signature_hash_method: SHA-224, SHA-256 (default), SHA-384 or SHA-512",
            HelpName = "METHOD",
            DefaultValueFactory = _ => "SHA-256",
        };
        HashMethod.AcceptOnlyFromAmong("SHA-224", "SHA-256", "SHA-384", "SHA-512");
        PasswordFile = new Option<FileInfo>("--sign-key-password-file")
        {
            Description = "The key's password (an encrypted PKCS#8 key): the first line of this file, so it never appears in the process list",
            HelpName = "PATH",
        };
    }

    public Option<FileInfo> Key { get; }
    public Option<string> CertificateId { get; }
    public Option<string> HashMethod { get; }
    public Option<FileInfo> PasswordFile { get; }

    /// <summary>Signing options that must be given (<c>image sign</c>), added to <paramref name="command"/>.</summary>
    public static SigningOptions RequiredOn(Command command) => new SigningOptions(required: true, data: null).AddedTo(command);

    /// <summary>
    /// Optional signing options (<c>image create</c>), added to <paramref name="command"/>: <c>--sign-key</c> and
    /// <c>--sign-cert-id</c> go together, and need the data they sign (<paramref name="data"/>).
    /// </summary>
    public static SigningOptions OptionalOn(Command command, Option<FileInfo> data) => new SigningOptions(required: false, data).AddedTo(command);

    private SigningOptions AddedTo(Command command)
    {
        command.Options.Add(Key);
        command.Options.Add(CertificateId);
        command.Options.Add(HashMethod);
        command.Options.Add(PasswordFile);
        command.Validators.Add(Validate);
        return this;
    }

    /// <summary>The command-line rules: no half a signing request, no signing without data.</summary>
    private void Validate(CommandResult result)
    {
        var key = result.GetResult(Key) is not null;
        var certificate = result.GetResult(CertificateId) is not null;
        var detail = result.GetResult(HashMethod) is { Implicit: false } || result.GetResult(PasswordFile) is not null;
        if (key && !certificate) result.AddError("--sign-key needs --sign-cert-id: the id of the signing certificate in the key manager");
        if (certificate && !key) result.AddError("--sign-cert-id needs --sign-key: the private key to sign with");
        if (detail && !key) result.AddError("--sign-hash-method and --sign-key-password-file need --sign-key");
        if (key && _data is not null && result.GetResult(_data) is null) result.AddError("--sign-key needs --file: the image data to sign");
    }

    /// <summary>The signing asked for, or null; a key that cannot be read is a usage error naming the file (never its content).</summary>
    public ImageSigning? Read(CommandContext context)
    {
        var keyFile = context.Get(Key);
        if (keyFile is null) return null;
        var passwordFile = context.Get(PasswordFile);
        string? password = null;
        if (passwordFile is not null)
        {
            try
            {
                password = File.ReadLines(passwordFile.FullName).FirstOrDefault() ?? "";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--sign-key-password-file {passwordFile.FullName} cannot be read: {ex.Message}");
            }
        }
        ImageSigningKey key;
        try
        {
            key = ImageSigningKey.FromPemFile(keyFile.FullName, password);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--sign-key {keyFile.FullName} cannot be read: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            // The library's message names the file and the cause (no key, wrong password, unsupported type), never the key.
            throw new UsageException($"--sign-key: {ex.Message}");
        }
        return new ImageSigning(key, context.Get(CertificateId)) { HashMethod = context.Get(HashMethod) };
    }
}
