using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using NovaImage.Cli.Glance;
using NovaImage.Cli.Output;
using static NovaImage.Cli.Commands.CommonArguments;

namespace NovaImage.Cli.Commands;

/// <summary><c>novaimage image ...</c>: images, their data, tags, members, imports and state.</summary>
internal static class ImageCommands
{
    public static Command Create()
    {
        var image = new Command("image", "Work with images");
        image.Subcommands.Add(List());
        image.Subcommands.Add(Show());
        image.Subcommands.Add(CreateImage());
        image.Subcommands.Add(Upload());
        image.Subcommands.Add(Download());
        image.Subcommands.Add(Sign());
        image.Subcommands.Add(Update());
        image.Subcommands.Add(Delete());
        image.Subcommands.Add(ImageTagCommands.Create());
        image.Subcommands.Add(ImageMemberCommands.Create());
        image.Subcommands.Add(ImageImportCommand.Create());
        image.Subcommands.Add(StateChange("deactivate", "Deactivate an image: its data can no longer be downloaded (admin, v2.3+)", (api, id, ct) => api.DeactivateAsync(id, ct)));
        image.Subcommands.Add(StateChange("reactivate", "Reactivate a deactivated image (admin, v2.3+)", (api, id, ct) => api.ReactivateAsync(id, ct)));
        return image;
    }

    private static Command List()
    {
        var names = new Option<string[]>("--name") { Description = "Only images with this name (repeatable)", Arity = ArgumentArity.OneOrMore };
        var statuses = new Option<string[]>("--status") { Description = "Only images in this status, e.g. active, queued (repeatable)", Arity = ArgumentArity.OneOrMore };
        var visibility = new Option<string>("--visibility") { Description = "public, private, shared, community, or all" };
        visibility.AcceptOnlyFromAmong("public", "private", "shared", "community", "all");
        var tags = new Option<string[]>("--tag") { Description = "Only images with this tag (repeatable: all of them)", Arity = ArgumentArity.OneOrMore };
        var owner = new Option<string>("--owner") { Description = "Only images owned by this project" };
        var properties = Properties("Only images whose property KEY equals VALUE (repeatable)");
        var sort = new Option<string[]>("--sort") { Description = "Sort key with its direction, e.g. name:asc, created_at:desc; without one, desc as Glance (repeatable)", HelpName = "KEY[:asc|desc]", Arity = ArgumentArity.OneOrMore };
        var limit = PositiveCount("--limit", "The total number of images to list, across pages (no page is requested past it)");
        var marker = new Option<string>("--marker") { Description = "Start after the image with this id (in the sort order)", HelpName = "ID" };
        var pageSize = PositiveCount("--page-size", "Images per request (paging is automatic; --limit is the total)");
        var command = new Command("list", "List images (all pages)") { names, statuses, visibility, tags, owner, properties, sort, limit, marker, pageSize }.WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var visibilityValue = context.Get(visibility);
            var query = new ImageQuery
            {
                Names = context.Get(names) ?? [],
                Statuses = (context.Get(statuses) ?? []).Select(ParseStatus).ToArray(),
                Visibility = visibilityValue is null or "all" ? null : ParseVisibility(visibilityValue),
                AllVisibilities = visibilityValue == "all",
                Tags = context.Get(tags) ?? [],
                Owner = context.Get(owner),
                Properties = ParseProperties(context.Get(properties)),
                Sort = (context.Get(sort) ?? []).Select(ParseSort).ToArray(),
                PageSize = context.Get(pageSize),
                Limit = context.Get(limit),
                Marker = context.Get(marker),
            };
            var images = await context.Images.ListImagesAsync(query, cancellationToken).ToListAsync(cancellationToken);
            if (!context.Console.Json)
            {
                context.Console.Write(ImageRendering.List(images));
                return;
            }
            // --json: Glance's own documents of the listed images, as an array.
            var documents = await ImageDocuments.ListAsync(context, images, cancellationToken);
            context.Console.WriteJson(JsonSerializer.SerializeToElement(documents, GlanceDocumentJsonContext.Default.ListJsonElement));
        });
        return command;
    }

    private static Command Show()
    {
        var id = ImageId();
        var command = new Command("show", "Show an image's fields and properties (all Glance shows: direct_url, locations, file, ...)") { id }.WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
            await WriteImageAsync(context, await ImageFinder.OnImageAsync(context, context.Get(id), image => context.Images.GetImageAsync(image, cancellationToken), cancellationToken), cancellationToken));
        return command;
    }

    private static Command CreateImage()
    {
        var name = new Option<string>("--name") { Description = "Image name", Required = true };
        var diskFormat = new Option<string>("--disk-format") { Description = "raw, qcow2, vmdk, iso, ..." };
        var containerFormat = new Option<string>("--container-format") { Description = "bare, ovf, ova, ..." };
        var visibility = Visibility("public, private, shared (default) or community");
        var isProtected = new Option<bool>("--protected") { Description = "Protect the image from deletion" };
        var minDisk = new Option<int?>("--min-disk") { Description = "Minimum disk (GiB)" };
        var minRam = new Option<int?>("--min-ram") { Description = "Minimum RAM (MiB)" };
        var tags = new Option<string[]>("--tag") { Description = "Tag (repeatable)", Arity = ArgumentArity.OneOrMore };
        var properties = Properties("Property KEY=VALUE (repeatable)");
        var file = new Option<FileInfo>("--file") { Description = "Upload this file as the image's data right away" };
        var store = new Option<string>("--store") { Description = "With --file: the store to upload to (multi-store)" };
        var command = new Command("create", "Create an image, optionally uploading its data (signed with --sign-key)")
            { name, diskFormat, containerFormat, visibility, isProtected, minDisk, minRam, tags, properties, file, store };
        var signingOptions = SigningOptions.OptionalOn(command, file);
        command.WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var dataFile = context.Get(file);
            if (dataFile is { Exists: false }) throw new UsageException($"--file {dataFile.FullName} does not exist");
            // The key is read before the image is created: a bad key must not leave a queued image behind.
            var signing = signingOptions.Read(context);
            var created = await context.Images.CreateImageAsync(new ImageCreate
            {
                Name = context.Get(name),
                DiskFormat = context.Get(diskFormat),
                ContainerFormat = context.Get(containerFormat),
                Visibility = ParseVisibility(context.Get(visibility)),
                Protected = context.Parse.GetResult(isProtected) is null ? null : context.Get(isProtected),
                MinDisk = context.Get(minDisk),
                MinRam = context.Get(minRam),
                Tags = context.Get(tags) ?? [],
                Properties = ParseProperties(context.Get(properties)),
            }, cancellationToken);
            if (dataFile is not null)
            {
                context.Console.Status($"Created image {created.Id}; uploading {dataFile.Name} ({dataFile.Length:N0} bytes)");
                await UploadNewImageAsync(context, created.Id, dataFile, context.Get(store), signing, cancellationToken);
                created = await context.Images.GetImageAsync(created.Id, cancellationToken);
            }
            await WriteImageAsync(context, created, cancellationToken);
        });
        return command;
    }

    private static Command Upload()
    {
        var id = ImageId();
        var file = new Argument<FileInfo>("file") { Description = "The data to upload" };
        var store = new Option<string>("--store") { Description = "The store to upload to (multi-store)" };
        var command = new Command("upload", "Upload data to a queued image") { id, file, store }.WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var dataFile = context.Get(file);
            if (!dataFile.Exists) throw new UsageException($"{dataFile.FullName} does not exist");
            // The image is looked up before any data is sent: a name must not cost an upload that Glance refuses.
            var image = await ImageFinder.OnImageAsync(context, context.Get(id), i => context.Images.GetImageAsync(i, cancellationToken), cancellationToken);
            await UploadFileAsync(context, image.Id, dataFile, context.Get(store), signing: null, cancellationToken);
            await WriteImageAsync(context, await context.Images.GetImageAsync(image.Id, cancellationToken), cancellationToken);
        });
        return command;
    }

    private static Command Download()
    {
        var id = ImageId();
        var file = new Option<string>("--file", "-f")
        {
            Description = "Where to write the image: a file is replaced atomically once verified, keeping its owner and mode; a symlink's target is written; " +
                "a device or FIFO is written in place. Without it, or with '-': stdout, which must not be a terminal",
            HelpName = "PATH",
        };
        var noDirect = new Option<bool>("--no-direct-store") { Description = "Always download over HTTP, even when a direct-store adapter could copy the data" };
        var allowUnverified = new Option<bool>("--allow-unverified")
        {
            Description = "Write an image that has no checksum or hash (only its size, if any, can be checked); without it such an image exits 8 and nothing is written",
        };
        var verifyMd5 = new Option<bool>("--verify-md5")
        {
            Description = "Check the md5 checksum too when the image has a multihash (default: [glance] verify_md5, else only the multihash, as glanceclient and Nova do; the md5 is always checked when there is no usable multihash)",
        };
        var parallel = new Option<int?>("--parallel")
        {
            Description = "Ranges fetched at once over HTTP (Glance v2, images of 256 MiB or more, written to a file); 1 for one stream " +
                $"(default: [glance] download_parallelism, else {DownloadOptions.DefaultParallelism})",
            HelpName = "N",
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 and var n) result.AddError($"--parallel must be at least 1, not {n}");
        });
        var verifySignature = new Option<bool>("--verify-signature")
        {
            Description = "Verify the image's signature too (img_signature*; default: [glance] verify_glance_signatures): an unsigned image, or one whose signature or certificate fails, exits 9",
        };
        var trustedCertificates = new Option<string[]>("--trusted-cert-id")
        {
            Description = "Verify the signature, and the signing certificate must chain to this certificate (repeatable; as Nova's trusted_image_certificates; without it, [glance] default_trusted_certificate_ids when enable_certificate_validation)",
            HelpName = "ID",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("download", "Download an image's data, verified against its size and hashes, and its signature if asked (to a file, or to stdout)")
            { id, file, noDirect, allowUnverified, verifyMd5, parallel, verifySignature, trustedCertificates };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var options = new DownloadOptions
            {
                AllowDirectStore = !context.Get(noDirect),
                RequireHash = !context.Get(allowUnverified),
                VerifyMd5 = context.Get(verifyMd5) ? true : null,
                Parallelism = context.Get(parallel),
                VerifySignature = context.Get(verifySignature) ? true : null,
                TrustedCertificateIds = context.Get(trustedCertificates) is { Length: > 0 } trusted ? trusted : null,
            };
            var target = context.Get(file);
            var toStdout = target is null or "-";
            var result = toStdout
                ? await DownloadToStdoutAsync(context, context.Get(id), options, cancellationToken)
                : await ImageFinder.OnImageAsync(context, context.Get(id), image => context.Console.TransferAsync($"download {image}", null, progress =>
                    context.Images.DownloadToFileAsync(image, Path.GetFullPath(target!), options with { Progress = progress }, cancellationToken)), cancellationToken);
            // Warnings go to stderr whatever the output format: a script reading the JSON still sees them in its log.
            if (result.UnverifiedAlgorithm is { } skipped)
                context.Console.Warning($"image {result.ImageId}: os_hash_algo '{skipped}' cannot be computed here; only its md5 checksum was verified");
            if (result.Verification is DownloadVerification.SizeOnly or DownloadVerification.Nothing)
                context.Console.Warning($"image {result.ImageId} has no checksum or hash: its data was NOT verified ({Describe(result.Verification)})");
            if (context.Console.TryWriteJson(result, CliJsonContext.Default.DownloadResult)) return;
            var path = result.Path == DownloadPath.DirectStore ? "the direct store" : $"HTTP from {result.Server}";
            // With the data on stdout, the report goes to stderr: stdout carries the image's bytes and nothing else.
            Action<string> report = toStdout ? context.Console.Status : context.Console.Line;
            report($"Downloaded {result.Bytes:N0} bytes of image {result.ImageId} to {(toStdout ? "stdout" : Path.GetFullPath(target!))} via {path}" +
                (string.IsNullOrEmpty(result.Reason) ? "" : $" ({result.Reason})"));
            report(result.VerifiedHash is null
                ? $"Not verified: {Describe(result.Verification)}"
                : $"Verified {result.VerifiedAlgorithm}: {result.VerifiedHash}" +
                  (result.VerifiedAlgorithms.Count > 1 ? $" (and {string.Join(", ", result.VerifiedAlgorithms.Skip(1))})" : ""));
            if (result.VerifiedSignature is { } signature) report($"Verified signature: {signature}");
        });
        return command;
    }

    /// <summary>
    /// <c>image download ID</c> without <c>--file</c>: the data goes to stdout (as <c>glance image-download</c> and
    /// <c>openstack image save</c> do), verified as it streams. Bytes on stdout cannot be taken back: when the
    /// verification fails, the error says that what was written is not the image, and the exit code is 5.
    /// </summary>
    private static async Task<DownloadResult> DownloadToStdoutAsync(CommandContext context, string image, DownloadOptions options, CancellationToken cancellationToken)
    {
        // Image data on a terminal is garbage at best and escape sequences at worst (glance refuses it the same way).
        if (!Console.IsOutputRedirected)
            throw new UsageException("refusing to write image data to a terminal: give --file PATH, or redirect stdout (novaimage image download ID > FILE)");
        if (context.Console.Json)
            throw new UsageException("--json needs --file: without it stdout carries the image data");
        await using var stdout = Console.OpenStandardOutput();
        try
        {
            return await ImageFinder.OnImageAsync(context, image, id => context.Console.TransferAsync($"download {id}", null, progress =>
                context.Images.DownloadAsync(id, stdout, options with { Progress = progress }, cancellationToken)), cancellationToken);
        }
        catch (Exception failure) when (failure is ImageIntegrityException or ImageSignatureException or GlanceConnectionFailedException or IOException or OperationCanceledException)
        {
            throw new CommandFailureException($"{failure.Message.ReplaceLineEndings(" ")}; the bytes already written to stdout are NOT the verified image: discard them", failure);
        }
    }

    private static string Describe(DownloadVerification verification) =>
        verification == DownloadVerification.SizeOnly ? "only its size was checked" : "not even a size was checked";

    /// <summary>
    /// <c>image sign FILE --sign-key PATH --sign-cert-id UUID</c>: the four signature properties of a file, for an
    /// image whose data is uploaded some other way (<c>image update --property</c>, <c>image import</c>, another tool).
    /// </summary>
    private static Command Sign()
    {
        var file = new Argument<FileInfo>("file") { Description = "The image data to sign" };
        var command = new Command("sign", "Sign image data: print the img_signature* properties to set on its image (as cursive and Nova verify them)") { file };
        var signingOptions = SigningOptions.RequiredOn(command);
        command.WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var dataFile = context.Get(file);
            var signing = signingOptions.Read(context)!;
            FileStream data;
            try
            {
                data = new FileStream(dataFile.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{dataFile.FullName} cannot be read: {ex.Message}");
            }
            ImageSignatureProperties signature;
            await using (data) signature = await signing.SignAsync(data, cancellationToken);
            var properties = signature.ToProperties();
            if (context.Console.TryWriteJson(properties, CliJsonContext.Default.IReadOnlyDictionaryStringString)) return;
            context.Console.Write(new OutputRecord(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))).ToList()));
        });
        return command;
    }

    private static Command Update()
    {
        var id = ImageId();
        var name = new Option<string>("--name") { Description = "New name" };
        var diskFormat = new Option<string>("--disk-format") { Description = "New disk format" };
        var containerFormat = new Option<string>("--container-format") { Description = "New container format" };
        var visibility = Visibility("New visibility: public, private, shared or community");
        var isProtected = new Option<bool?>("--protected") { Description = "true or false" };
        var hidden = new Option<bool?>("--hidden") { Description = "Hide from default lists: true or false (v2.7+)" };
        var minDisk = new Option<int?>("--min-disk") { Description = "New minimum disk (GiB)" };
        var minRam = new Option<int?>("--min-ram") { Description = "New minimum RAM (MiB)" };
        var properties = Properties("Add or change property KEY=VALUE (repeatable)");
        var remove = new Option<string[]>("--remove-property") { Description = "Remove property KEY (repeatable)", HelpName = "KEY", Arity = ArgumentArity.OneOrMore };
        var command = new Command("update", "Change an image's fields and properties")
            { id, name, diskFormat, containerFormat, visibility, isProtected, hidden, minDisk, minRam, properties, remove };
        command.WithOutputOptions();
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var update = new ImageUpdate
            {
                Name = context.Get(name),
                DiskFormat = context.Get(diskFormat),
                ContainerFormat = context.Get(containerFormat),
                Visibility = ParseVisibility(context.Get(visibility)),
                Protected = context.Get(isProtected),
                OsHidden = context.Get(hidden),
                MinDisk = context.Get(minDisk),
                MinRam = context.Get(minRam),
                SetProperties = ParseProperties(context.Get(properties)),
                RemoveProperties = context.Get(remove) ?? [],
            };
            await WriteImageAsync(context, await ImageFinder.OnImageAsync(context, context.Get(id), image => context.Images.UpdateImageAsync(image, update, cancellationToken), cancellationToken), cancellationToken);
        });
        return command;
    }

    private static Command Delete()
    {
        var images = new Argument<string[]>("image") { Description = "The images to delete (IDs or names)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", "Delete images (each is tried; the exit code says whether any failed)") { images };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            // As openstack image delete: every image is tried, each failure is reported, and the command fails at the end.
            var named = context.Get(images);
            var deleted = new List<ActionOutput>();
            var failures = new List<(string Image, Exception Error)>();
            foreach (var image in named)
            {
                try
                {
                    var id = await ImageFinder.OnImageAsync(context, image, async i =>
                    {
                        await context.Images.DeleteImageAsync(i, cancellationToken);
                        return i;
                    }, cancellationToken);
                    deleted.Add(new ActionOutput("delete", id));
                    if (!context.Console.Json) context.Console.Line(id == image ? $"Deleted image {id}" : $"Deleted image {id} ({image})");
                }
                catch (Exception error) when (error is not OperationCanceledException && named.Length > 1)
                {
                    failures.Add((image, error));
                    CommandActions.Report(error, $"failed to delete image '{image}': ");
                }
            }
            // --json: the deletion, or an array of them when several images were named (one alone fails as any command).
            if (named.Length == 1) context.Console.TryWriteJson(deleted[0], CliJsonContext.Default.ActionOutput);
            else context.Console.TryWriteJson(deleted, CliJsonContext.Default.ListActionOutput);
            if (failures.Count == 0) return ExitCodes.Success;
            var codes = failures.Select(f => ExitCodes.For(f.Error)).Distinct().ToList();
            CliConsole.Error($"failed to delete {failures.Count} of {named.Length} images: {string.Join(", ", failures.Select(f => f.Image))}");
            // One kind of failure keeps its exit code (all not found: 3); a mix is a plain failure.
            return codes.Count == 1 ? codes[0] : ExitCodes.Failure;
        });
        return command;
    }

    private static Command StateChange(string name, string description, Func<IImageApi, string, CancellationToken, Task> change)
    {
        var id = ImageId();
        var command = new Command(name, description) { id };
        CommandActions.Set(command, async (context, cancellationToken) =>
        {
            var imageId = await ImageFinder.OnImageAsync(context, context.Get(id), async image =>
            {
                await change(context.Images, image, cancellationToken);
                return image;
            }, cancellationToken);
            Done(context, name, imageId, $"{char.ToUpperInvariant(name[0])}{name[1..]}d image {imageId}");
        });
        return command;
    }

    /// <summary>
    /// Prints an image: with <c>--json</c> Glance's own document as it is; else its fields (<c>-f</c>, <c>-c</c>).
    /// </summary>
    internal static async Task WriteImageAsync(CommandContext context, Image image, CancellationToken cancellationToken)
    {
        var document = await ImageDocuments.GetAsync(context, image, cancellationToken);
        if (context.Console.Json) context.Console.WriteJson(document);
        else context.Console.Write(ImageDocuments.ToRecord(document));
    }

    /// <summary>
    /// Uploads the data of an image <c>create</c> has just made. If the upload fails, the image is deleted, as
    /// <c>openstack image create</c> does (openstacksdk deletes an image whose upload failed); if that fails too, or
    /// the upload was cancelled, the error says that a queued image was left and how to delete it.
    /// </summary>
    private static async Task UploadNewImageAsync(CommandContext context, string imageId, FileInfo file, string? store, ImageSigning? signing, CancellationToken cancellationToken)
    {
        try
        {
            await UploadFileAsync(context, imageId, file, store, signing, cancellationToken);
        }
        catch (OperationCanceledException cancelled)
        {
            throw new CommandFailureException($"cancelled; image {imageId} was created without data and is left queued: delete it with 'novaimage image delete {imageId}'", cancelled);
        }
        catch (Exception failure)
        {
            var cause = failure.Message.ReplaceLineEndings(" ");
            try
            {
                await context.Images.DeleteImageAsync(imageId, cancellationToken);
            }
            catch (Exception deleteFailure) when (deleteFailure is not OperationCanceledException)
            {
                throw new CommandFailureException($"{cause}; image {imageId} was created but its data could not be uploaded, and deleting it failed too " +
                    $"({deleteFailure.Message.ReplaceLineEndings(" ")}): a queued image is left; delete it with 'novaimage image delete {imageId}'", failure);
            }
            throw new CommandFailureException($"{cause}; image {imageId}, created for this upload, was deleted", failure);
        }
    }

    /// <summary>Reports a change: <paramref name="message"/> for people, an <see cref="ActionOutput"/> for scripts.</summary>
    internal static void Done(CommandContext context, string action, string imageId, string message, string? detail = null)
    {
        if (!context.Console.TryWriteJson(new ActionOutput(action, imageId, detail), CliJsonContext.Default.ActionOutput)) context.Console.Line(message);
    }

    /// <summary>
    /// Uploads <paramref name="file"/>; with <paramref name="signing"/> the library reads the file once to sign it and
    /// sets the four signature properties before the data goes up, so Glance can verify it at upload.
    /// </summary>
    internal static Task<bool> UploadFileAsync(CommandContext context, string imageId, FileInfo file, string? store, ImageSigning? signing, CancellationToken cancellationToken) =>
        context.Console.TransferAsync($"upload {file.Name}", file.Length, async progress =>
        {
            // No Size: the library promises the opened file's length (none for a pipe), checked as the data is sent.
            await context.Images.UploadFileAsync(imageId, file.FullName, new UploadOptions { Progress = progress, Store = store, Signing = signing }, cancellationToken);
            return true;
        });

    private static ImageStatus ParseStatus(string value) =>
        Enum.GetValues<ImageStatus>().Where(s => s != ImageStatus.Unknown).FirstOrDefault(s => ImageRendering.Words(s) == value) is var status && status != ImageStatus.Unknown
            ? status
            : throw new UsageException($"unknown --status '{value}' (one of: {string.Join(", ", Enum.GetValues<ImageStatus>().Where(s => s != ImageStatus.Unknown).Select(s => ImageRendering.Words(s)))})");

    private static SortKey ParseSort(string value)
    {
        var parts = value.Split(':', 2);
        return new SortKey(parts[0], parts.Length == 1 || parts[1] is "desc" ? SortDirection.Descending
            : parts[1] is "asc" ? SortDirection.Ascending
            : throw new UsageException($"--sort '{value}': the direction must be asc or desc"));
    }
}
